#include "core/insights/InsightsService.h"

#include "core/insights/InsightSelection.h"
#include "core/insights/InsightText.h"
#include "core/insights/InsightsReader.h"
#include "core/insights/ModelVersions.h"
#include "core/insights/RiskDetectors.h"
#include "core/rollup/RollupReader.h"
#include "core/stats/Calibration.h"
#include "core/stats/GroupedTotals.h"
#include "core/stats/StatsSamples.h"
#include "core/storage/Database.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <set>

namespace atalaya {
namespace {

using Totals = std::map<QString, WindowTotals>;

double lengthDays(const StatsQuery &q)
{
    return static_cast<double>(q.from.msecsTo(q.to)) / 86400000.0;
}

}  // namespace

InsightOptions insightOptionsFor(const StatsQuery &query)
{
    InsightOptions o;
    o.now = query.to;
    o.days = std::clamp(static_cast<int>(std::lround(lengthDays(query))), 1, 3650);
    o.agentId = query.agentId;
    return o;
}

InsightsService::InsightsService(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<std::pair<StatsQuery, StatsQuery>> InsightsService::windows(const InsightOptions &o)
{
    // Both windows end on an hour boundary, so every read is whole rollup rows: the raw rows of
    // partial edge hours would grow with the table. The boundary is the last complete hour, not
    // the end of the current one: a window ending in the future was shown as such, and its
    // unfinished last hour made the current window hold less time than the baseline it is
    // compared with (a volume test then saw a drop that is only the clock).
    const QDateTime now = o.now.isValid() ? o.now : QDateTime::currentDateTimeUtc();
    const QDateTime end = rollup::hourStart(rollup::floorHour(now));
    auto current = StatsQuery::lastDays(o.days, end);
    if (!current)
        return current.error();
    StatsQuery window = current->withAgent(o.agentId);
    window.from = end.addDays(-o.days);
    window.to = end;
    if (!o.baselineDays)
        return std::make_pair(window, window.previousPeriod());
    auto baseline = StatsQuery::range(window.from.addDays(-*o.baselineDays), window.from);
    if (!baseline)
        return baseline.error();
    baseline->periodDays = *o.baselineDays;
    return std::make_pair(window, baseline->withAgent(o.agentId));
}

Result<InsightsReport> InsightsService::run(const InsightOptions &o) const
{
    auto w = windows(o);
    if (!w)
        return w.error();
    const auto &[window, baseline] = *w;
    const StatsSamples samples(m_db);
    auto cur = totalsByAgentAndTask(*m_db, window);
    if (!cur)
        return cur.error();
    auto base = totalsByAgentAndTask(*m_db, baseline);
    if (!base)
        return base.error();

    std::vector<insights::ScopeWindows> scopes;
    auto addScope = [&](const QString &agent, const QString &task, const Totals &b, const Totals &c,
                        const QString &key) {
        insights::ScopeWindows s;
        s.agentId = agent;
        s.taskType = task;
        if (auto it = b.find(key); it != b.end())
            s.baseline.totals = it->second;
        if (auto it = c.find(key); it != c.end())
            s.current.totals = it->second;
        scopes.push_back(std::move(s));
    };
    std::set<QString> agents;
    for (const auto &[key, t] : cur->byAgent)
        agents.insert(key);
    for (const auto &[key, t] : base->byAgent)
        agents.insert(key);
    std::set<QString> tasks;
    for (const auto &[key, t] : cur->byTask)
        tasks.insert(key);
    for (const auto &[key, t] : base->byTask)
        tasks.insert(key);
    // Which agent served which task type in either window (only needed across agents).
    insights::AgentTasks served;
    if (o.agentId.isEmpty()) {
        StatsQuery span = window;
        span.from = baseline.from;
        auto pairs = insights::servedPairs(*m_db, span);
        if (!pairs)
            return pairs.error();
        served = std::move(*pairs);
    }
    for (const QString &agent : agents)
        addScope(agent, {}, base->byAgent, cur->byAgent, agent);
    // With --agent the task scopes are that agent's task types (agent and task type both set).
    // A task scope holding the same decisions as an agent's (one agent with one task type) is
    // not tested twice: it would only spend the false-discovery budget.
    for (const QString &task : tasks) {
        if (o.agentId.isEmpty() ? insights::soleTaskOfSoleAgent(served, task) : tasks.size() == 1)
            continue;
        addScope(o.agentId, task, base->byTask, cur->byTask, task);
    }
    if (o.agentId.isEmpty() && agents.size() > 1) {
        insights::ScopeWindows all;
        all.baseline.totals = insights::foldedTotals(base->byAgent);
        all.current.totals = insights::foldedTotals(cur->byAgent);
        scopes.push_back(std::move(all));
    }

    // The calibration reads go where StatsSamples sends them (a replica when one serves reads).
    auto baseEce = insights::eceByAgent(m_db->reads(), baseline);
    if (!baseEce)
        return baseEce.error();
    auto curEce = insights::eceByAgent(m_db->reads(), window);
    if (!curEce)
        return curEce.error();
    std::vector<insights::Candidate> candidates;
    for (insights::ScopeWindows &s : scopes) {
        s.baseline.days = lengthDays(baseline);
        s.current.days = lengthDays(window);
        // The calibration tables per agent and overall (a task type's calibration is its agents'),
        // and only where the ECE test can run (reviewed decisions on both sides).
        if (s.taskType.isEmpty() && s.baseline.totals.withFeedback >= o.minN
            && s.current.totals.withFeedback >= o.minN) {
            auto scoped = [&s](StatsQuery q) { return q.withAgent(s.agentId).withTask(s.taskType); };
            auto ece = [&](const StatsQuery &q,
                           const std::optional<insights::EceByAgent> &grouped) -> Result<insights::EceEstimate> {
                if (!grouped)
                    return insights::scopeEce(samples, scoped(q));
                auto it = grouped->find(s.agentId);
                if (it != grouped->end())
                    return it->second;
                return insights::calibrationEce(computeCalibration(std::vector<ReviewedPercent>{}, insights::kEceBins));
            };
            auto b = ece(baseline, *baseEce);
            if (!b)
                return b.error();
            auto c = ece(window, *curEce);
            if (!c)
                return c.error();
            s.baseline.ece = *b;
            s.current.ece = *c;
        }
        for (insights::Candidate &c : insights::runDetectors(s, o.minN)) {
            c.insight.since = window.from;
            candidates.push_back(std::move(c));
        }
    }
    // Each agent's model versions over both windows, a newer one against the one before it:
    // its tests share the false-discovery budget with the window detectors'.
    StatsQuery span = window;
    span.from = baseline.from;
    std::vector<SkippedCheck> skipped;
    auto versions = insights::versionsWithinBudget(*m_db, span, o.days, skipped);
    if (!versions)
        return versions.error();
    for (const auto &[agent, list] : *versions) {
        for (insights::Candidate &c : versionRegressions(agent, list, compareVersions(list, o.minN)))
            candidates.push_back(std::move(c));
    }
    const QDateTime now = o.now.isValid() ? o.now.toUTC() : QDateTime::currentDateTimeUtc();
    auto risk = insights::riskMonitoring(m_db, o, now);
    if (!risk)
        return risk.error();
    const QDateTime riskSince = now.addDays(-std::max(o.days, insights::kRiskMonitorMinDays));
    if (*risk) {
        for (insights::Candidate &c : insights::riskCandidates(**risk, o.minN)) {
            c.insight.since = riskSince;
            candidates.push_back(std::move(c));
        }
    }
    InsightsReport report = insights::selectInsights(std::move(candidates), served, o.fdr);
    report.skipped = std::move(skipped);
    if (*risk) {
        if (auto stale = insights::staleModelInsight(**risk, riskSince)) {
            stale->message = insightMessage(*stale, QLocale::c());
            report.insights.push_back(*stale);
            insights::sortBySeverity(report.insights);
        }
    }
    report.window = window;
    report.baseline = baseline;
    return report;
}

}  // namespace atalaya

#include "core/insights/InsightsService.h"

#include "core/insights/InsightText.h"
#include "core/insights/ModelVersions.h"
#include "core/insights/RiskDetectors.h"
#include "core/risk/RiskModelStore.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/rollup/RollupSchema.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsSql.h"
#include "core/stats/GroupedTotals.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace atalaya {
namespace {

constexpr int kEceBins = 10;

using Totals = std::map<QString, WindowTotals>;
using RiskReading = std::optional<RiskMonitorReport>;

// The risk model's monitoring for the report, or nothing when it is filtered out, no model is
// active, or the tables were never created (a database without risk features is not an error).
Result<RiskReading> riskMonitoring(const std::shared_ptr<const Database> &db, const InsightOptions &o,
                                   const QDateTime &now)
{
    if (!o.agentId.isEmpty() && o.agentId != QLatin1String("deployment-risk-predictor"))
        return RiskReading{};
    if (!RiskModelStore(db).hasTable())
        return RiskReading{};
    RiskMonitorOptions mo;
    mo.days = std::max(o.days, insights::kRiskMonitorMinDays);
    mo.now = now;
    auto r = RiskMonitor(db).run(mo);
    if (!r) {
        if (r.error().code == ErrorCode::NoModel || isMissingTable(r.error()))
            return RiskReading{};
        return r.error();
    }
    return RiskReading{std::move(*r)};
}

struct WindowReads {
    Totals byAgent;
    Totals byTask;
};

Result<WindowReads> readWindow(const Database &db, const StatsQuery &q)
{
    WindowReads r;
    auto agents = groupedTotals(db, q, GroupBy::Agent);
    if (!agents)
        return agents.error();
    auto tasks = groupedTotals(db, q, GroupBy::TaskType);
    if (!tasks)
        return tasks.error();
    r.byAgent = std::move(*agents);
    r.byTask = std::move(*tasks);
    return r;
}

Result<insights::EceEstimate> eceFor(const StatsSamples &samples, const StatsQuery &q)
{
    auto report = samples.calibration(q, kEceBins);
    if (!report)
        return report.error();
    std::vector<insights::EceBin> bins;
    for (const CalibrationBin &b : report->bins) {
        if (b.count > 0 && b.meanConfidence && b.meanAccuracy)
            bins.push_back({b.count, *b.meanConfidence, *b.meanAccuracy});
    }
    return insights::eceOf(bins);
}

double lengthDays(const StatsQuery &q)
{
    return static_cast<double>(q.from.msecsTo(q.to)) / 86400000.0;
}

WindowTotals merged(const Totals &t)
{
    WindowTotals all;
    for (const auto &[key, v] : t)
        all.merge(v);
    return all;
}

// Agent and task type pairs of the window: from atalaya_rollup_day (one row per day, agent and
// task type) when the rollups are usable, else from the window's raw rows.
Result<insights::AgentTasks> servedPairs(const Database &db, const StatsQuery &q)
{
    QString sql;
    QVariantList values;
    if (rollup::status(db).usable()) {
        sql = QStringLiteral("SELECT DISTINCT agent_id, task_type FROM %1 WHERE day_no >= ? AND day_no <= ?")
                  .arg(rollup::tableOf(rollup::Level::Day));
        values = {rollup::floorHour(q.from) / 24, rollup::floorHour(q.to) / 24};
    } else {
        const WhereClause where = windowWhere(db.dialect(), q);
        sql = QStringLiteral("SELECT DISTINCT agent_id, task_type FROM ai_telemetry") + where.sql;
        values = where.values;
    }
    auto query = execQuery(db, sql, values, QStringLiteral("reading the agents' task types"));
    if (!query)
        return query.error();
    auto text = [](const QVariant &v) {
        return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
    };
    insights::AgentTasks pairs;
    while (query->next())
        pairs.emplace_back(text(query->value(0)), text(query->value(1)));
    return pairs;
}

// The raw version read of `span` (docs/INSIGHTS.md §Performance): agents are admitted smallest
// first while their decisions, counted from the rollups, fit versions::scanBudget() together;
// the rest are skipped and reported. All admitted: one read, as without the budget.
Result<std::map<QString, std::vector<VersionStats>>> readVersionsWithinBudget(const Database &db,
                                                                             const StatsQuery &span, int days,
                                                                             std::vector<SkippedCheck> &skipped)
{
    auto counts = versions::decisionsPerAgent(db, span);
    if (!counts)
        return counts.error();
    std::vector<std::pair<qint64, QString>> bySize;
    for (const auto &[agent, n] : *counts)
        bySize.emplace_back(n, agent);
    std::sort(bySize.begin(), bySize.end());
    const qint64 budget = versions::scanBudget();
    qint64 admitted = 0;
    std::vector<QString> read;
    for (const auto &[n, agent] : bySize) {
        if (admitted + n <= budget) {
            admitted += n;
            read.push_back(agent);
            continue;
        }
        SkippedCheck s;
        s.agentId = agent;
        s.decisions = n;
        s.reason = QStringLiteral("%1 decisions in the window and its baseline exceed the %2 the raw model-version "
                                  "read allows; compare them with `atalaya-cli versions --agent %3 --days %4`, or choose a shorter period")
                       .arg(n)
                       .arg(budget)
                       .arg(agent)
                       .arg(days);
        skipped.push_back(std::move(s));
    }
    std::sort(skipped.begin(), skipped.end(),
              [](const SkippedCheck &a, const SkippedCheck &b) { return a.agentId < b.agentId; });
    if (skipped.empty())
        return versions::readVersions(db, span);
    std::map<QString, std::vector<VersionStats>> out;
    for (const QString &agent : read) {
        auto one = versions::readVersions(db, span.withAgent(agent));
        if (!one)
            return one.error();
        out.merge(*one);
    }
    return out;
}

}  // namespace

InsightOptions insightOptionsFor(const StatsQuery &query)
{
    InsightOptions o;
    o.now = query.to;
    const double days = static_cast<double>(query.from.msecsTo(query.to)) / 86400000.0;
    o.days = std::clamp(static_cast<int>(std::lround(days)), 1, 3650);
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
    auto cur = readWindow(*m_db, window);
    if (!cur)
        return cur.error();
    auto base = readWindow(*m_db, baseline);
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
        auto pairs = servedPairs(*m_db, span);
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
        all.baseline.totals = merged(base->byAgent);
        all.current.totals = merged(cur->byAgent);
        scopes.push_back(std::move(all));
    }

    std::vector<insights::Candidate> candidates;
    for (insights::ScopeWindows &s : scopes) {
        s.baseline.days = lengthDays(baseline);
        s.current.days = lengthDays(window);
        // The calibration tables per agent and overall (a task type's calibration is its agents'),
        // and only where the ECE test can run (reviewed decisions on both sides).
        if (s.taskType.isEmpty() && s.baseline.totals.withFeedback >= o.minN
            && s.current.totals.withFeedback >= o.minN) {
            auto scoped = [&s](StatsQuery q) { return q.withAgent(s.agentId).withTask(s.taskType); };
            auto b = eceFor(samples, scoped(baseline));
            if (!b)
                return b.error();
            auto c = eceFor(samples, scoped(window));
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
    auto versions = readVersionsWithinBudget(*m_db, span, o.days, skipped);
    if (!versions)
        return versions.error();
    for (const auto &[agent, list] : *versions) {
        for (insights::Candidate &c : versionRegressions(agent, list, compareVersions(list, o.minN)))
            candidates.push_back(std::move(c));
    }
    const QDateTime now = o.now.isValid() ? o.now.toUTC() : QDateTime::currentDateTimeUtc();
    auto risk = riskMonitoring(m_db, o, now);
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
            std::stable_sort(report.insights.begin(), report.insights.end(), [](const Insight &a, const Insight &b) {
                if (a.severity != b.severity)
                    return a.severity > b.severity;
                return a.qValue < b.qValue;
            });
        }
    }
    report.window = window;
    report.baseline = baseline;
    return report;
}

namespace insights {

bool soleTaskOfSoleAgent(const AgentTasks &served, const QString &task)
{
    std::vector<QString> agents;
    for (const auto &[agent, t] : served) {
        if (t == task)
            agents.push_back(agent);
    }
    if (agents.size() != 1)
        return false;
    return std::count_if(served.begin(), served.end(), [&](const auto &p) { return p.first == agents.front(); }) == 1;
}

InsightsReport selectInsights(std::vector<Candidate> candidates, const AgentTasks &served, double fdr)
{
    std::vector<double> p;
    p.reserve(candidates.size());
    for (const Candidate &c : candidates)
        p.push_back(c.insight.pValue);
    const std::vector<double> q = benjaminiHochberg(p);
    InsightsReport report;
    report.testsRun = static_cast<int>(candidates.size());
    std::vector<Insight> kept;
    for (size_t i = 0; i < candidates.size(); ++i) {
        candidates[i].insight.qValue = q[i];
        if (candidates[i].large && q[i] <= fdr)
            kept.push_back(candidates[i].insight);
    }
    auto sameFinding = [](const Insight &a, const Insight &b) { return a.kind == b.kind && a.metric == b.metric; };
    auto agentHas = [&](const Insight &i, const std::function<bool(const QString &)> &agentMatches) {
        return std::any_of(kept.begin(), kept.end(), [&](const Insight &k) {
            return !k.agentId.isEmpty() && k.taskType.isEmpty() && sameFinding(k, i) && agentMatches(k.agentId);
        });
    };
    std::vector<Insight> out;
    for (const Insight &i : kept) {
        if (i.agentId.isEmpty() && i.taskType.isEmpty() && agentHas(i, [](const QString &) { return true; }))
            continue;
        if (!i.taskType.isEmpty() && agentHas(i, [&](const QString &agent) {
                if (!i.agentId.isEmpty())
                    return agent == i.agentId;
                return std::find(served.begin(), served.end(), std::make_pair(agent, i.taskType)) != served.end();
            }))
            continue;
        out.push_back(i);
    }
    for (Insight &i : out)
        i.message = insightMessage(i, QLocale::c());
    std::stable_sort(out.begin(), out.end(), [](const Insight &a, const Insight &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.qValue < b.qValue;
    });
    report.insights = std::move(out);
    return report;
}

}  // namespace insights
}  // namespace atalaya

#include "core/insights/InsightSelection.h"

#include "core/insights/InsightText.h"

#include <QLocale>

#include <algorithm>
#include <functional>

namespace atalaya::insights {

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
    sortBySeverity(out);
    report.insights = std::move(out);
    return report;
}

void sortBySeverity(std::vector<Insight> &insights)
{
    std::stable_sort(insights.begin(), insights.end(), [](const Insight &a, const Insight &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.qValue < b.qValue;
    });
}

}  // namespace atalaya::insights

#include "core/stats/WindowCollect.h"

#include "core/stats/GroupedTotals.h"

#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/stats/RawAggregates.h"

namespace atalaya {

Result<std::map<QString, WindowTotals>> collectTotals(const Database &db, const StatsQuery &query,
                                                      std::optional<GroupBy> by, bool withQuality, bool useRollups)
{
    rollup::WindowPlan plan = rollup::planWindow(query.from, query.to);
    if (!useRollups || !plan.usesRollups() || !rollup::status(db).usable())
        return rawTotals(db, {{query.from, query.to}}, query.agentId, query.taskType, by, withQuality);
    // The current hour usually holds no row past now: its rollup row is then exact for the
    // window, and the raw rows it saves are index lookups that grow with the table.
    if (auto minus = rollup::complementEdges(db, plan, rollup::Subtract::No); !minus)
        return minus.error();
    auto totals = rollup::rollupTotals(db, plan, query.agentId, query.taskType, by);
    if (!totals)
        return totals.error();
    auto raw = rawTotals(db, plan.raw, query.agentId, query.taskType, by, withQuality);
    if (!raw)
        return raw.error();
    for (const auto &[key, t] : *raw)
        (*totals)[key].merge(t);
    return totals;
}

Result<AgentAndTaskTotals> totalsByAgentAndTask(const Database &db, const StatsQuery &query)
{
    rollup::WindowPlan plan = rollup::planWindow(query.from, query.to);
    bool whole = plan.usesRollups() && rollup::status(db).usable();
    if (whole) {
        if (auto minus = rollup::complementEdges(db, plan, rollup::Subtract::No); !minus)
            return minus.error();
        whole = plan.raw.empty();
    }
    AgentAndTaskTotals out;
    if (!whole) {
        auto agents = groupedTotals(db, query, GroupBy::Agent);
        if (!agents)
            return agents.error();
        auto tasks = groupedTotals(db, query, GroupBy::TaskType);
        if (!tasks)
            return tasks.error();
        out.byAgent = std::move(*agents);
        out.byTask = std::move(*tasks);
        return out;
    }
    auto pairs = rollup::rollupPairTotals(db, plan, query.agentId, query.taskType);
    if (!pairs)
        return pairs.error();
    for (const auto &[key, t] : *pairs) {
        out.byAgent[key.first].merge(t);
        out.byTask[key.second].merge(t);
    }
    return out;
}

}  // namespace atalaya

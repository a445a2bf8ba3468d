#include "core/stats/WindowCollect.h"

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

}  // namespace atalaya

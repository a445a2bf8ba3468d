#pragma once

#include "core/common/Result.h"
#include "core/aggregates/WindowTotals.h"

#include <map>

namespace atalaya {

class Database;

// The mergeable totals per group (agent or task type) of a window, latency sketches
// included, read as StatsService reads (rollups where usable): what a reader that tests one
// window against another needs beyond the finished summaries.
Result<std::map<QString, WindowTotals>> groupedTotals(const Database &db, const StatsQuery &query, GroupBy by);

struct AgentAndTaskTotals {
    std::map<QString, WindowTotals> byAgent;
    std::map<QString, WindowTotals> byTask;
};
// groupedTotals by agent and by task type, equal to the two calls. A window the rollups serve
// whole is read once per (agent, task type) and folded, instead of reading its rows twice.
Result<AgentAndTaskTotals> totalsByAgentAndTask(const Database &db, const StatsQuery &query);

}  // namespace atalaya

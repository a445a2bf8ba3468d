#pragma once

#include "core/common/Result.h"
#include "core/aggregates/StatsQuery.h"
#include "core/aggregates/WindowTotals.h"

#include <map>
#include <optional>

namespace atalaya {

class Database;

// The window's totals keyed like rawTotals (agent id, task type, yyyy-MM-dd or ""): from the
// rollups where they are usable and cover at least one full hour (its partial first and last
// hours come from the raw rows unless their hour lies wholly inside), else straight from
// ai_telemetry. Shared by StatsService and StatsSamples so both read a window the same way.
Result<std::map<QString, WindowTotals>> collectTotals(const Database &db, const StatsQuery &query,
                                                      std::optional<GroupBy> by, bool withQuality, bool useRollups);

}  // namespace atalaya

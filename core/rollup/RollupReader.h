#pragma once

#include "common/Result.h"
#include "stats/WindowTotals.h"

#include <map>

namespace atalaya {
class Database;
}

namespace atalaya::rollup {

// Hour numbers since the epoch: the first full hour at or after `t`, the last hour start at
// or before `t`.
qint64 ceilHour(const QDateTime &t);
qint64 floorHour(const QDateTime &t);
QDateTime hourStart(qint64 hour);

// The totals of the full hours [fromHour, toHour) from atalaya_rollup_hour, keyed like
// rawTotals (agent id, task type, yyyy-MM-dd or ""). Counters and data quality are exact;
// execution-time percentiles come from the hours' sketches (stale ones rebuilt from raw).
Result<std::map<QString, WindowTotals>> rollupTotals(const Database &db, qint64 fromHour, qint64 toHour,
                                                     const QString &agentId, const QString &taskType,
                                                     std::optional<GroupBy> by);

} // namespace atalaya::rollup

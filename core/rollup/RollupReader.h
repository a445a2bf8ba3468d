#pragma once

#include "core/common/Result.h"
#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/VersionCells.h"
#include "core/aggregates/TimeRange.h"
#include "core/aggregates/WindowTotals.h"

#include <functional>
#include <map>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// Hour numbers since the epoch: the first full hour at or after `t`, the last hour start at
// or before `t`.
qint64 ceilHour(const QDateTime &t);
qint64 floorHour(const QDateTime &t);
QDateTime hourStart(qint64 hour);

// How a window [from, to) is read: the full days from atalaya_rollup_day, the full hours of
// the two edge days from atalaya_rollup_hour, the partial edge hours from raw rows.
struct WindowPlan {
    std::vector<TimeRange> raw;
    std::vector<std::pair<qint64, qint64>> hours;  // [from, to) hour numbers
    std::vector<std::pair<qint64, qint64>> days;  // [from, to) day numbers
    bool usesRollups() const { return !hours.empty() || !days.empty(); }
};
WindowPlan planWindow(const QDateTime &from, const QDateTime &to);

// The totals of the plan's hours and days, keyed like rawTotals (agent id, task type,
// yyyy-MM-dd or ""). Counters and data quality are exact; execution-time percentiles come
// from the rows' sketches (stale ones rebuilt: hours from raw rows, days from their hours).
Result<std::map<QString, WindowTotals>> rollupTotals(const Database &db, const WindowPlan &plan, const QString &agentId,
                                                     const QString &taskType, std::optional<GroupBy> by);
// The same rows' totals per (agent id, task type): one read a caller can fold into both
// groupings.
Result<std::map<std::pair<QString, QString>, WindowTotals>> rollupPairTotals(const Database &db, const WindowPlan &plan,
                                                                             const QString &agentId,
                                                                             const QString &taskType);

// For additive reads (calibration cells): each partial edge hour of the plan whose complement
// in its hour holds fewer rows (for a window ending now: the rows after now, usually none) is
// read as its hour's rollup row minus the complement's raw rows. Moves such hours from
// plan.raw to plan.hours and returns the raw ranges to subtract. Counting both sides is one
// index-only range count per edge; the raw reads it saves are row lookups (~8 µs each at 10 M).
// With Subtract::No only edges whose hour holds no other rows move (the current hour, when no
// row is dated later than now): for reads whose minimum and maximum cannot be subtracted.
enum class Subtract { Yes, No };
Result<std::vector<TimeRange>> complementEdges(const Database &db, WindowPlan &plan, Subtract subtract = Subtract::Yes);

// The calibration cells of the plan's hours and days (exact; stale sections rebuilt).
Status addRollupCells(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                      CalibrationGrid &grid);

// The same per percent (the sections' calp BLOBs: a few times fewer cells and bytes).
Status addRollupPercents(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                         PercentGrid &grid);
// The same, each row into its agent's grid: one read for every agent of a window.
Status addRollupPercentsByAgent(const Database &db, const WindowPlan &plan, const QString &agentId,
                                const QString &taskType, const std::function<PercentGrid &(const QString &)> &gridOf);

// The model-version sections of the plan's hours and days (exact; stale ones rebuilt), one
// call of `add` per rollup row with its agent.
Status addRollupVersions(const Database &db, const WindowPlan &plan, const QString &agentId, const QString &taskType,
                         const std::function<void(const QString &agentId, const VersionCells &)> &add);

}  // namespace atalaya::rollup

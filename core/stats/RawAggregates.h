#pragma once

#include "core/common/Result.h"
#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/TimeRange.h"
#include "core/aggregates/WindowTotals.h"

#include <map>

namespace atalaya {

class Database;

// Aggregates straight from ai_telemetry over the union of `ranges` (one SQL aggregate and one
// GROUP BY of the integer execution times, so percentiles are exact). Keys: agent id, task
// type, yyyy-MM-dd, or "" without grouping. `withQuality` adds the data-quality counts.
Result<std::map<QString, WindowTotals>> rawTotals(const Database &db, const std::vector<TimeRange> &ranges,
                                                  const QString &agentId, const QString &taskType,
                                                  std::optional<GroupBy> by, bool withQuality);

// Rows of the agent / task type (empty = all) whose created_at is not a time (another
// writer's text in SQLite, MariaDB's zero date): in no window, so counted over the table.
Result<qint64> countRowsWithoutTime(const Database &db, const QString &agentId, const QString &taskType);

// The calibration cells (valid rows with feedback and an accuracy) over the union of `ranges`.
Status addRawCells(const Database &db, const std::vector<TimeRange> &ranges, const QString &agentId,
                   const QString &taskType, CalibrationGrid &grid);

}  // namespace atalaya

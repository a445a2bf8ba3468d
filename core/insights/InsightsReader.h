#pragma once

#include "core/aggregates/StatsQuery.h"
#include "core/aggregates/WindowTotals.h"
#include "core/common/Result.h"
#include "core/insights/Insight.h"
#include "core/insights/InsightSelection.h"
#include "core/insights/ModelVersions.h"
#include "core/insights/Significance.h"
#include "core/risk/RiskMonitor.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;
class StatsSamples;
struct CalibrationReport;

namespace insights {

// The reads of an insights report beyond the grouped totals (docs/INSIGHTS.md
// §Performance): calibration, the agents' task types, model versions and risk monitoring.

// The ECE bins of every report calibration table (10, which the rollups' percents serve).
inline constexpr int kEceBins = 10;

// Every group's totals folded into one: the all-agent scope.
WindowTotals foldedTotals(const std::map<QString, WindowTotals> &byGroup);

// The ECE of a calibration table, over its non-empty bins.
EceEstimate calibrationEce(const CalibrationReport &report);
// One scope's ECE, read as StatsSamples::calibration reads it.
Result<EceEstimate> scopeEce(const StatsSamples &samples, const StatsQuery &q);

// Each agent's ECE of a window the rollups serve whole, and all agents' under "": one read of
// the window's rows for every agent instead of one per agent, the same percents
// StatsSamples::calibration reads. Nothing when the window has raw edge hours.
using EceByAgent = std::map<QString, EceEstimate>;
Result<std::optional<EceByAgent>> eceByAgent(const Database &db, const StatsQuery &q);

// Agent and task type pairs of the window: from atalaya_rollup_day (one row per day, agent and
// task type) when the rollups are usable, else from the window's raw rows.
Result<AgentTasks> servedPairs(const Database &db, const StatsQuery &q);

// The version read of `span` (docs/INSIGHTS.md §Performance): from the rollups when they serve
// it. Otherwise it reads raw rows, and agents are admitted smallest first while their
// decisions fit versions::scanBudget() together; the rest go to `skipped` (by agent id, the
// message naming `days`). All admitted: one read, as without the budget.
Result<std::map<QString, std::vector<VersionStats>>> versionsWithinBudget(const Database &db, const StatsQuery &span,
                                                                          int days, std::vector<SkippedCheck> &skipped);

// The risk model's monitoring for the report, or nothing when it is filtered out, no model is
// active, or the tables were never created (a database without risk features is not an error).
Result<std::optional<RiskMonitorReport>> riskMonitoring(const std::shared_ptr<const Database> &db,
                                                        const InsightOptions &options, const QDateTime &now);

}  // namespace insights
}  // namespace atalaya

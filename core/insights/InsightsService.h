#pragma once

#include "core/common/Result.h"
#include "core/insights/Detectors.h"
#include "core/insights/Insight.h"

#include <memory>

namespace atalaya {

class Database;

// "What changed": every scope's current window against its baseline, read from the rollups
// (per agent, per task type and overall: four grouped reads and one calibration table per
// scope and window), tested, and filtered by Benjamini–Hochberg (docs/INSIGHTS.md).
class InsightsService {
public:
    explicit InsightsService(std::shared_ptr<const Database> db);

    // The current window and its baseline for `options` (the baseline ends where it starts).
    static Result<std::pair<StatsQuery, StatsQuery>> windows(const InsightOptions &options);

    Result<InsightsReport> run(const InsightOptions &options) const;

private:
    std::shared_ptr<const Database> m_db;
};

// The options of a report for a dashboard window: a current window as long as the query's
// (whole days, at least 1) ending at its end, for its agent.
InsightOptions insightOptionsFor(const StatsQuery &query);

}  // namespace atalaya

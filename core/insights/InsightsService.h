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

namespace insights {

// Which agent served which task type in the window: a task type's insight is left out when
// an agent that served it has the same insight (it is that agent's story), and so is the
// overall one when any agent has it.
using AgentTasks = std::vector<std::pair<QString, QString>>;

// Whether `task` was served by one agent only, and that agent served nothing else: the task
// scope then holds exactly the agent's decisions.
bool soleTaskOfSoleAgent(const AgentTasks &served, const QString &task);

// Benjamini–Hochberg over every candidate at `fdr`, the large significant ones kept,
// de-duplicated against their agents, messages set, most severe first.
InsightsReport selectInsights(std::vector<Candidate> candidates, const AgentTasks &served, double fdr);

}  // namespace insights
}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/aggregates/StatsTypes.h"

#include <memory>

namespace atalaya {

class Database;

// Every read of the dashboard and of docs/CLI.md `stats`, `agent`, `accuracy`, `agents`, `trends`.
// Counts and sums are computed in SQL in integer units (confidence × 10⁴) so SQLite and
// MariaDB agree to the last digit; percentiles are exact nearest-rank over a GROUP BY of the
// integer execution times. Thread-safe: each call uses the calling thread's connection.
class StatsService {
public:
    // useRollups = false forces the raw path (benchmarks compare both in one run).
    explicit StatsService(std::shared_ptr<const Database> db, bool useRollups = true);

    Result<WindowSummary> summary(const StatsQuery &query) const;
    Result<DataQuality> dataQuality(const StatsQuery &query) const;
    Result<StatsSnapshot> snapshot(const StatsQuery &query) const;
    // Groups sorted by key; GroupBy::Day includes every UTC day of the window, empty or not.
    Result<std::vector<GroupSummary>> grouped(const StatsQuery &query, GroupBy by) const;
    // NotFound when the agent has no row at all (in any period).
    Result<AgentDetail> agent(const QString &agentId, const StatsQuery &query) const;
    // Distinct agents and task types of the whole table, for filter pickers.
    Result<QStringList> agentIds() const;
    Result<QStringList> taskTypes() const;

private:
    std::shared_ptr<const Database> m_db;
    bool m_useRollups = true;
};

}  // namespace atalaya

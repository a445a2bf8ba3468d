#pragma once

#include "core/aggregates/VersionCells.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/rollup/RollupContributions.h"

#include <QByteArray>

#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// What a live build gathered of one hour row from the rows it read (RollupLiveBuild).
struct LiveHourRow {
    qint64 day = 0;
    std::vector<qint64> sums;
    std::vector<qint32> latencies;  // execution times of the valid rows
    std::vector<std::pair<qint32, qint64>> reviewed;  // (confidence, accuracy) × 10 000
    // The valid rows' totals per model version (bytes as read; nullopt: none), few per row.
    std::vector<std::pair<std::optional<QByteArray>, VersionTotals>> versions;
};

using LiveHourRows = std::unordered_map<RollupContributions::Key, LiveHourRow, RollupContributions::KeyHash>;

// Adds the hour rows' counters and the counters of their days to what the triggers wrote
// meanwhile, and stores the sections of the rows no trigger touched since the build started,
// a few days at a time in key order; the next days' sections are made while the server
// writes the last ones.
Status writeLiveHourRows(const Database &db, const LiveHourRows &hours, const ProgressFn &progress);

}  // namespace atalaya::rollup

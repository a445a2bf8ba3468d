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
    // The valid rows' execution times and the reviewed ones' (confidence, accuracy) × 10 000,
    // each with its model version's index in `versions`; the sketches and cells are made from
    // them when the row is written, off the scan's path.
    std::vector<qint32> latencies;
    std::vector<quint8> latencyVersions;
    std::vector<std::pair<qint32, qint64>> reviewed;
    std::vector<quint8> reviewedVersions;
    // The valid rows' totals per model version (bytes as read; nullopt: none), few per row;
    // their latency sketch and reviewed cells stay empty until written.
    std::vector<std::pair<std::optional<QByteArray>, VersionTotals>> versions;
    // More than 256 versions in one hour: its sections (and its day's) are left stale, to be
    // built from the raw rows.
    bool tooManyVersions = false;
};

using LiveHourRows = std::unordered_map<RollupContributions::Key, LiveHourRow, RollupContributions::KeyHash>;

// Adds the hour rows' counters and the counters of their days to what the triggers wrote
// meanwhile, and stores the sections of the rows no trigger touched since the build started,
// a few days at a time in key order; the next days' sections are made while the server
// writes the last ones.
Status writeLiveHourRows(const Database &db, const LiveHourRows &hours, const ProgressFn &progress);

}  // namespace atalaya::rollup

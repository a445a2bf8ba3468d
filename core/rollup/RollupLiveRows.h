#pragma once

#include "core/aggregates/VersionCells.h"
#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/rollup/RollupContributions.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>

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

// An hour row's key as a scanned row holds it, so that finding its row allocates nothing.
struct LiveKeyView {
    qint64 slot = 0;
    QByteArrayView agentId;
    QByteArrayView taskType;
};
struct LiveKeyHash {
    using is_transparent = void;
    size_t operator()(const LiveKeyView &k) const { return qHashMulti(0, k.slot, k.agentId, k.taskType); }
    size_t operator()(const RollupContributions::Key &k) const
    {
        return (*this)(LiveKeyView{k.slot, k.agentId, k.taskType});
    }
};
struct LiveKeyEqual {
    using is_transparent = void;
    static LiveKeyView view(const RollupContributions::Key &k) { return {k.slot, k.agentId, k.taskType}; }
    static LiveKeyView view(const LiveKeyView &k) { return k; }
    template <typename A, typename B> bool operator()(const A &a, const B &b) const
    {
        const LiveKeyView x = view(a), y = view(b);
        return x.slot == y.slot && x.agentId == y.agentId && x.taskType == y.taskType;
    }
};
using LiveHourRows = std::unordered_map<RollupContributions::Key, LiveHourRow, LiveKeyHash, LiveKeyEqual>;

// Adds the hour rows' counters and the counters of their days to what the triggers wrote
// meanwhile, and stores the sections of the rows no trigger touched since the build started,
// a few days at a time in key order; the next days' sections are made while the server
// writes the last ones.
Status writeLiveHourRows(const Database &db, const LiveHourRows &hours, const ProgressFn &progress);

}  // namespace atalaya::rollup

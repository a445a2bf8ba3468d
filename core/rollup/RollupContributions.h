#pragma once

#include <QByteArray>
#include <QHashFunctions>

#include <array>
#include <tuple>
#include <unordered_map>

namespace atalaya {
struct StoredDecision;
}  // namespace atalaya

namespace atalaya::rollup {

// What new rows add to the rollups, summed per hour and per day row: the exact counterpart
// of the rollup triggers' work, gathered on whichever thread sees the rows (the parser's,
// for `record --jsonl`) and written by AppMaintainedRollups.
class RollupContributions {
public:
    // Counters in counterColumns() order, then the latency, calibration and model-version
    // section bumps.
    using Sums = std::array<qint64, 21>;
    // RollupKey with the row's UTF-8 bytes as they are bound, so no row converts to QString.
    struct Key {
        qint64 slot = 0;
        QByteArray agentId;
        QByteArray taskType;
        bool operator==(const Key &o) const = default;
        bool operator<(const Key &o) const
        {
            return std::tie(slot, agentId, taskType) < std::tie(o.slot, o.agentId, o.taskType);
        }
    };
    struct KeyHash {
        size_t operator()(const Key &k) const { return qHashMulti(0, k.slot, k.agentId, k.taskType); }
    };
    // Hashed, not ordered: with rows spread over months nearly every row has its own hour key,
    // and an ordered map's byte comparisons were the writer thread's largest cost (perf).
    using Map = std::unordered_map<Key, Sums, KeyHash>;

    void add(const StoredDecision &d);
    void merge(RollupContributions &&other);
    bool empty() const { return m_hours.empty() && m_days.empty(); }
    const Map &hours() const { return m_hours; }
    const Map &days() const { return m_days; }

private:
    Map m_hours;
    Map m_days;
};

}  // namespace atalaya::rollup

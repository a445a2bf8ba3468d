#pragma once

#include "common/Result.h"
#include "rollup/RollupSections.h"

#include <QByteArray>
#include <QHashFunctions>

#include <array>
#include <tuple>
#include <unordered_map>

namespace atalaya {
class Database;
struct StoredDecision;
}

namespace atalaya::rollup {

// The app's own bulk writes on MySQL: per-row triggers cost ~8× the insert itself, so
// recordBatch tells this session's triggers to stand aside and adds the same contributions
// itself, aggregated per hour and per day row, in the same transaction as the rows (exact:
// one upsert per touched rollup row instead of two per decision).
class AppMaintainedRollups {
public:
    // Takes over from the triggers on this thread's connection when they exist (MySQL only);
    // the destructor hands back. active() is false on SQLite or without rollup triggers.
    explicit AppMaintainedRollups(const Database &db);
    ~AppMaintainedRollups();
    AppMaintainedRollups(const AppMaintainedRollups &) = delete;
    AppMaintainedRollups &operator=(const AppMaintainedRollups &) = delete;

    bool active() const { return m_active; }
    void add(const StoredDecision &d);
    // Writes and clears what add() gathered; call inside the rows' transaction.
    Status flush();

private:
    const Database &m_db;
    bool m_active = false;
    // Counters in counterColumns() order, then the latency and calibration version bumps.
    using Contribution = std::array<qint64, 20>;
    // RollupKey with the row's UTF-8 bytes as they are bound, so no row converts to QString.
    struct Key {
        qint64 slot = 0;
        QByteArray agentId;
        QByteArray taskType;
        bool operator==(const Key &o) const = default;
        bool operator<(const Key &o) const { return std::tie(slot, agentId, taskType) < std::tie(o.slot, o.agentId, o.taskType); }
    };
    struct KeyHash {
        size_t operator()(const Key &k) const { return qHashMulti(0, k.slot, k.agentId, k.taskType); }
    };
    // Hashed, not ordered: with rows spread over months nearly every row has its own hour key,
    // and an ordered map's byte comparisons were the writer thread's largest cost (perf).
    using Pending = std::unordered_map<Key, Contribution, KeyHash>;
    Status flush(Level level, const Pending &pending);

    Pending m_hours;
    Pending m_days;
};

} // namespace atalaya::rollup

#pragma once

#include "common/Result.h"
#include "rollup/RollupSections.h"

#include <QByteArray>

#include <array>
#include <map>
#include <tuple>

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
        bool operator<(const Key &o) const { return std::tie(slot, agentId, taskType) < std::tie(o.slot, o.agentId, o.taskType); }
    };
    Status flush(Level level, const std::map<Key, Contribution> &pending);

    std::map<Key, Contribution> m_hours;
    std::map<Key, Contribution> m_days;
};

} // namespace atalaya::rollup

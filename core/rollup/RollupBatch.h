#pragma once

#include "common/Result.h"
#include "rollup/RollupLatency.h"

#include <QDateTime>

#include <array>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

namespace atalaya {
class Database;
class MySqlStatement;
struct StoredDecision;
}

namespace atalaya::rollup {

// The app's own bulk writes on MySQL: per-row triggers cost ~8× the insert itself, so
// recordBatch tells this session's triggers to stand aside and adds the same contributions
// itself, aggregated per hour row, in the same transaction as the rows (exact: one upsert
// per touched hour row instead of one per decision).
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
    // UTF-8 keys: what the upsert binds, and cheaper to compare than QString.
    struct Key {
        qint64 hour = 0;
        QByteArray agentId;
        QByteArray taskType;
        bool operator<(const Key &o) const { return std::tie(hour, agentId, taskType) < std::tie(o.hour, o.agentId, o.taskType); }
    };
    Status upsert(std::vector<std::pair<Key, std::array<qint64, 18>>>::const_iterator first, size_t count,
                  MySqlStatement &statement);

    const Database &m_db;
    bool m_active = false;
    std::map<Key, std::array<qint64, 18>> m_pending;
    std::unique_ptr<MySqlStatement> m_full;  // kept prepared across flushes
};

} // namespace atalaya::rollup

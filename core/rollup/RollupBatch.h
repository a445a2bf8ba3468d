#pragma once

#include "core/common/Result.h"
#include "core/rollup/RollupContributions.h"
#include "core/rollup/RollupSections.h"

namespace atalaya {
class Database;
struct StoredDecision;
}  // namespace atalaya

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
    // Contributions gathered elsewhere (another thread) for rows of this transaction.
    void add(RollupContributions &&contributions);
    // Writes and clears what add() gathered; call inside the rows' transaction.
    Status flush();

private:
    Status flush(Level level, const RollupContributions::Map &pending);

    const Database &m_db;
    bool m_active = false;
    RollupContributions m_pending;
};

}  // namespace atalaya::rollup

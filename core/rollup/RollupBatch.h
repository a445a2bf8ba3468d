#pragma once

#include "core/common/Result.h"
#include "core/rollup/RollupContributions.h"
#include "core/rollup/RollupSections.h"
#include "core/telemetry/DecisionWriteObserver.h"

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// The app's own bulk writes on MySQL: per-row triggers cost ~8× the insert itself, so the
// decision writer tells this session's triggers to stand aside and adds the same contributions
// itself, aggregated per hour and per day row, in the same transaction as the rows (exact:
// one upsert per touched rollup row instead of two per decision).
class AppMaintainedRollups final : public DecisionWriteObserver {
public:
    explicit AppMaintainedRollups(const Database &db);
    ~AppMaintainedRollups() override;
    AppMaintainedRollups(const AppMaintainedRollups &) = delete;
    AppMaintainedRollups &operator=(const AppMaintainedRollups &) = delete;

    // Takes over from the triggers on this thread's connection when they exist (MySQL only);
    // end() hands back. active() is false on SQLite or without rollup triggers.
    void begin() override;
    bool active() const { return m_active; }
    // The contributions of rows made on another thread, gathered there.
    std::unique_ptr<RowPreparer> preparer() const override;
    void prepared(std::unique_ptr<RowPreparer> preparer) override;
    void queued(const StoredDecision &row) override;
    // Writes and clears what was gathered; inside the rows' transaction.
    Status commit() override;
    void end() override;

private:
    Status flush(Level level, const RollupContributions::Map &pending);

    const Database &m_db;
    bool m_active = false;
    RollupContributions m_pending;
};

}  // namespace atalaya::rollup

#include "core/ingest/DecisionWriters.h"

#include "core/queue/QueueCountsBatch.h"
#include "core/rollup/RollupBatch.h"

namespace atalaya {

std::unique_ptr<DecisionWriter> makeDecisionWriter(const Database &db)
{
    auto rollups = std::make_unique<rollup::AppMaintainedRollups>(db);
    // One session variable silences both kinds of trigger, and only the rollups set it: the
    // queue counts are this writer's job exactly when the rollups' are.
    auto counts = std::make_unique<queuecounts::QueueCountsBatch>(db, [r = rollups.get()] { return r->active(); });
    std::vector<std::unique_ptr<DecisionWriteObserver>> observers;
    observers.push_back(std::move(rollups));
    observers.push_back(std::move(counts));
    return std::make_unique<DecisionWriter>(db, std::move(observers));
}

}  // namespace atalaya

#include "core/setup/LiveBuild.h"

#include "core/queue/QueueCountsLive.h"
#include "core/queue/QueueCountsStore.h"
#include "core/rollup/RollupBuild.h"
#include "core/rollup/RollupLiveBuild.h"
#include "core/rollup/RollupMaintenance.h"

namespace atalaya {

Result<bool> rebuildLive(const Database &db, const ReviewRules &rules, const ProgressFn &progress)
{
    if (progress)
        progress(QStringLiteral("rollup counters"), 0);
    auto rollups = rollup::startCounterBuild(db);
    if (!rollups)
        return rollups.error();
    if (progress)
        progress(QStringLiteral("queue counts"), -1);
    auto counts = queuecounts::startLiveBuild(db, rules);
    if (!counts)
        return counts.error();
    std::vector<LiveScanPart *> parts;
    if (*rollups)
        parts.push_back(&(*rollups)->part());
    if (*counts)
        parts.push_back(&(*counts)->part());
    if (!parts.empty()) {
        if (Status s = runLiveScan(db, parts, progress); !s)
            return s.error();
    }
    if (*rollups) {
        if (Status s = rollup::finishCounterBuild(db); !s)
            return s.error();
    }
    if (*counts) {
        if (Status s = queuecounts::finishLiveBuild(db, rules); !s)
            return s.error();
    }
    if (Status s = rollup::buildStaleSections(db, progress); !s)
        return s.error();
    return bool(*counts);
}

}  // namespace atalaya

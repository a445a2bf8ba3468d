#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// The counters of both levels from ai_telemetry while other applications keep writing
// (core/storage/ChunkedBuild.h): a first call clears them and creates the triggers at a cut id,
// then adds the rows up to the cut in short transactions; a call after an interrupted build
// continues from its last chunk. Unavailable when the account may not create triggers.
Status buildCounters(const Database &db, const ProgressFn &progress);

// Forgets an unfinished build, so the next one starts over: after a trigger was missing, the
// rows written meanwhile are in neither part.
Status forgetUnfinishedBuild(const Database &db);

}  // namespace atalaya::rollup

#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <memory>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

class LiveRollupPart;

// The counters of both levels from ai_telemetry while other applications keep writing
// (core/storage/ChunkedBuild.h): clears them, creates the triggers at a cut id and returns the
// rollups' share of the live scan of the rows up to the cut (nullptr when the triggers are a
// DBA's and the account may not recreate them: then built at once here). A stopped build goes
// on from its journal (core/storage/LiveScan.h). Unavailable when the account may not create
// triggers.
Result<std::unique_ptr<LiveRollupPart>> startCounterBuild(const Database &db);
// After the scan wrote its part: the rollups are read from here on.
Status finishCounterBuild(const Database &db);
// The three above with a scan of the rollups' own.
Status buildCounters(const Database &db, const ProgressFn &progress);

// Forgets an unfinished build, so the next one starts over: after a trigger was missing, the
// rows written meanwhile are in neither part.
Status forgetUnfinishedBuild(const Database &db);

}  // namespace atalaya::rollup

#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/queue/ReviewRules.h"

namespace atalaya {

class Database;

// `init --rebuild-rollups`: the rollups and the queue counts of `rules` from one live scan of
// ai_telemetry (core/storage/LiveScan.h) while other applications keep writing, then the
// rollup sections their writes left stale. True when the queue counts were built, false when
// the account may not create their triggers.
Result<bool> rebuildLive(const Database &db, const ReviewRules &rules, const ProgressFn &progress);

}  // namespace atalaya

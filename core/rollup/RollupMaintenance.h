#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/storage/DerivedTable.h"

#include <QStringList>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

struct RollupStatus {
    bool ready = false;  // built once and kept in step since
    bool triggers = false;  // all three triggers exist on ai_telemetry
    bool usable() const { return ready && triggers; }
};

// Cheap (one indexed read); false/false when the tables are missing.
RollupStatus status(const Database &db);

// Creates the missing triggers. False (not an error) when the account may not create
// triggers: the rollups then stay unused and every read takes the raw path.
Result<bool> installTriggers(const Database &db);
// The statements installTriggers() would run, for a DBA (`init --print-sql`).
Result<QStringList> missingTriggerSql(const Database &db);

// `init --rebuild-rollups`: the counters and sections of both levels from one scan while other
// writers go on (RollupBuild; an interrupted build starts over), then the sections the
// writers' triggers left stale meanwhile, day by day.
Status rebuild(const Database &db, const ProgressFn &progress = {});

// The latency, calibration and model-version sections that writes left stale, built now
// instead of by the first read that needs them (seconds on a fresh bulk load, felt as a slow
// first start).
Status buildStaleSections(const Database &db, const ProgressFn &progress = {});

// What `init` does: triggers, then a build when the rollups were never built and the table
// is small enough to build now (ensureDerivedTable).
Result<EnsureReport> ensure(const Database &db, qint64 maxRowsToBuild = 200000, const ProgressFn &progress = {});

}  // namespace atalaya::rollup

#pragma once

#include "core/queue/ReviewRules.h"

#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <QStringList>

namespace atalaya {

class Database;

struct InitOptions {
    bool addIndexes = false;  // `init --add-indexes`: Atalaya's extra indexes on ai_telemetry
    bool rebuildRollups = false;  // `init --rebuild-rollups`: rebuild atalaya_rollup_hour from scratch
    // Tables up to this size get their rollups built by a plain `init` (GUI connect included).
    qint64 maxRowsToBuildRollups = 200000;
    ProgressFn progress;  // long steps report here
    // The review rules the queue counts table is kept for (`init --rules`); defaults if unset.
    std::optional<ReviewRules> queueRules;
};

struct InitReport {
    int schemaVersion = 0;
    QStringList created;  // tables (and indexes) created by this run
    QStringList migrated;  // Atalaya migrations applied by this run
    // stateName(DerivedTableState): "ready", "needs_rebuild" or "no_triggers".
    QString rollups;
    // The same three states for the review queue counts table (QueueCountsStore).
    QString queueCounts;
    // "append_only" (triggers refuse UPDATE and DELETE on the audit log) or "no_triggers".
    QString auditLog;
    qint64 auditRowsChained = 0;  // audit rows this run linked into the hash chain
};

// `init`: creates ai_telemetry / dora_metrics only when missing (never alters them), then
// runs Atalaya's migrations. Idempotent.
Result<InitReport> initialize(const Database &db, const InitOptions &options = {});

// The app's start: initialize() when the account may. An account that may not create or fill
// Atalaya's tables (read-only, or rows of ai_telemetry only) still gets the database: reads
// fall back to the raw rows and the review page says why feedback is off. `limitedBy` is then
// the refused step, naming the privilege; any other failure is an error.
struct AppSchemaReport {
    InitReport init;
    QString limitedBy;
};
Result<AppSchemaReport> prepareForApp(const Database &db, const InitOptions &options = {});

// Every statement initialize() would run on this database that needs more than writing rows
// (CREATE TABLE/INDEX/TRIGGER, the migrations and the rows recording them), in order, for a
// DBA to review and apply (`init --print-sql`). Reads only.
Result<QStringList> schemaSql(const Database &db, const InitOptions &options = {});
// `statements` as one script the mysql/mariadb or sqlite3 client runs as it is.
QString sqlScript(const Database &db, const QStringList &statements);

// True when both tables the app reads exist; the GUI uses it to offer `init`.
bool hasTelemetrySchema(const Database &db);

}  // namespace atalaya

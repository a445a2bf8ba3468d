#pragma once

#include "common/Result.h"

#include <QStringList>

namespace atalaya {

class Database;

struct InitOptions {
    bool addIndexes = false;  // `init --add-indexes`: Atalaya's extra indexes on ai_telemetry
};

struct InitReport {
    int schemaVersion = 0;
    QStringList created;   // tables (and indexes) created by this run
    QStringList migrated;  // Atalaya migrations applied by this run
};

// `init`: creates ai_telemetry / dora_metrics only when missing (never alters them), then
// runs Atalaya's migrations. Idempotent.
Result<InitReport> initialize(const Database &db, const InitOptions &options = {});

// True when both tables the app reads exist; the GUI uses it to offer `init`.
bool hasTelemetrySchema(const Database &db);

} // namespace atalaya

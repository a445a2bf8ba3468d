#pragma once

#include "core/queue/ReviewRules.h"

#include "core/common/Result.h"

#include <QStringList>

#include <functional>

namespace atalaya {

class Database;

struct InitOptions {
    bool addIndexes = false;  // `init --add-indexes`: Atalaya's extra indexes on ai_telemetry
    bool rebuildRollups = false;  // `init --rebuild-rollups`: rebuild atalaya_rollup_hour from scratch
    // Tables up to this size get their rollups built by a plain `init` (GUI connect included).
    qint64 maxRowsToBuildRollups = 200000;
    std::function<void(const QString &)> progress;  // long steps report here
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
};

// `init`: creates ai_telemetry / dora_metrics only when missing (never alters them), then
// runs Atalaya's migrations. Idempotent.
Result<InitReport> initialize(const Database &db, const InitOptions &options = {});

// True when both tables the app reads exist; the GUI uses it to offer `init`.
bool hasTelemetrySchema(const Database &db);

}  // namespace atalaya

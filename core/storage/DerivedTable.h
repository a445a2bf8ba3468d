#pragma once

#include "core/common/Result.h"

#include <QString>

#include <functional>
#include <optional>

namespace atalaya {

class Database;

// A table Atalaya derives from ai_telemetry and keeps in step with triggers (the rollups, the
// queue counts): trusted only once built and while its triggers exist.
enum class DerivedTableState {
    Ready,  // built and kept in step by its triggers
    NeedsRebuild,  // run `init --rebuild-rollups`
    NoTriggers,  // the account may not create triggers: reads take the raw rows
};

// As `init` reports it: "ready", "needs_rebuild", "no_triggers".
QString stateName(DerivedTableState state);

struct DerivedTableLifecycle {
    // The state when it is settled without building (triggers refused, built before, or built
    // once and its triggers gone since); nullopt when the table should be built now.
    std::function<Result<std::optional<DerivedTableState>>()> settled;
    // Builds it from ai_telemetry; false (not an error) when the account may not create its
    // triggers.
    std::function<Result<bool>()> build;
};

struct EnsureReport {
    DerivedTableState state = DerivedTableState::NoTriggers;
    bool built = false;  // by this call
};

// What `init` does for each derived table: unless settled, build it when ai_telemetry has at
// most maxRowsToBuild rows, and leave a bigger table to `init --rebuild-rollups`.
Result<EnsureReport> ensureDerivedTable(const Database &db, qint64 maxRowsToBuild, const DerivedTableLifecycle &table);

}  // namespace atalaya

#pragma once

#include "core/storage/Migrations.h"

namespace atalaya {

// Every layer's migrations (storage, risk, rollups, queue counts), in version order.
const std::vector<Migration> &allMigrations();

// Applies the ones this database is missing.
Result<MigrationReport> migrate(const Database &db);

// What migrate() would run here, for a DBA (`init --print-sql`).
Result<QStringList> pendingMigrationSql(const Database &db);

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/storage/Dialect.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace atalaya {

class Database;

// A forward-only step on Atalaya's own tables (prefix atalaya_). Statements must be
// idempotent (IF NOT EXISTS), since MySQL commits DDL implicitly and a step may be retried.
// Version ranges: 1–9 storage/audit, 10–19 risk, 20–29 rollups, 30–39 review queue.
struct Migration {
    int version = 0;
    QString name;
    std::function<QStringList(const Dialect &)> statements;
};

const std::vector<Migration> &allMigrations();

struct MigrationReport {
    int schemaVersion = 0;
    QStringList migrated;  // names applied by this run
};

// Applies the missing migrations in order; the error names the privilege that is missing.
Result<MigrationReport> migrate(const Database &db);

// What migrate() would run on this database, as statements for a DBA (`init --print-sql`):
// the version table, then each pending migration and the row that records it.
Result<QStringList> pendingMigrationSql(const Database &db);

}  // namespace atalaya

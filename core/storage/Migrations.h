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
// Each layer that owns tables lists its own steps; core/setup registers them all.
struct Migration {
    int version = 0;
    QString name;
    std::function<QStringList(const Dialect &)> statements;
};

// This layer's steps: the feedback audit, the reviews, the delivered feedback keys and the live
// builds' journal.
std::vector<Migration> storageMigrations();

// The steps of every layer, run in version order whichever layer registered them first.
class MigrationRegistry {
public:
    // A version registered twice is a programming error: it stops the process.
    void add(std::vector<Migration> steps);
    const std::vector<Migration> &steps() const { return m_steps; }  // in version order

private:
    std::vector<Migration> m_steps;
};

struct MigrationReport {
    int schemaVersion = 0;
    QStringList migrated;  // names applied by this run
};

// Applies the registry's missing steps in version order; the error names the privilege that
// is missing.
Result<MigrationReport> migrate(const Database &db, const MigrationRegistry &registry);

// What migrate() would run on this database, as statements for a DBA (`init --print-sql`):
// the version table, then each pending migration and the row that records it.
Result<QStringList> pendingMigrationSql(const Database &db, const MigrationRegistry &registry);

}  // namespace atalaya

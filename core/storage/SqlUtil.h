#pragma once

#include "core/common/Result.h"

#include <QSqlQuery>
#include <QVariantList>

namespace atalaya {

class Database;

// Prepares, binds positionally and executes; the error names `what` was being done.
Result<QSqlQuery> execQuery(const Database &db, const QString &sql, const QVariantList &values, const QString &what);
Status execStatement(const Database &db, const QString &sql, const QVariantList &values, const QString &what);
// execQuery on db itself, never on the primary behind a replica (storage/ReplicaRoute.h): for
// the replica's own state (its lag, its settings), which the primary cannot answer for.
Result<QSqlQuery> execQueryHere(const Database &db, const QString &sql, const QVariantList &values,
                                const QString &what);
// Maps a driver error to our codes: privilege/connection problems → Unavailable (4).
Error sqlError(const Database &db, const QSqlError &error, const QString &what);
// An Unavailable error because the account may not do this (read-only user or file), as
// opposed to a server that is down or busy.
bool isPermissionDenied(const Error &error);
// An Unavailable error because a table Atalaya reads or writes is missing (`init` never ran).
bool isMissingTable(const Error &error);
// The tables of this thread's connection; none while it is closed (a lost server): Qt's MySQL
// driver dereferences its null handle in tables() then, and the next statement reports the
// outage with its reason anyway.
QStringList tableNames(const Database &db);
// The names of the triggers defined on `tables` of this database; `context` says what the read
// was for in its error.
Result<QStringList> triggersOn(const Database &db, const QStringList &tables, const QString &context);
// The names of the triggers defined on ai_telemetry (Atalaya's rollups and queue counts).
Result<QStringList> triggersOnTelemetry(const Database &db);
// Whether ai_telemetry holds at most `rows` rows (reads at most rows + 1 ids): small enough to
// build Atalaya's derived tables during a plain `init`.
Result<bool> telemetryHasAtMost(const Database &db, qint64 rows);

// Runs `body` inside a transaction on this thread's connection; rolls back on failure.
template <typename Fn> auto inTransaction(const Database &db, Fn &&body) -> decltype(body());

}  // namespace atalaya

#include "core/storage/Database.h"

namespace atalaya {

Status beginTransaction(const Database &db);
Status commitTransaction(const Database &db);
void rollbackTransaction(const Database &db);

template <typename Fn> auto inTransaction(const Database &db, Fn &&body) -> decltype(body())
{
    if (Status begun = beginTransaction(db); !begun)
        return begun.error();
    auto result = body();
    if (!result) {
        rollbackTransaction(db);
        return result;
    }
    if (Status committed = commitTransaction(db); !committed)
        return committed.error();
    return result;
}

}  // namespace atalaya

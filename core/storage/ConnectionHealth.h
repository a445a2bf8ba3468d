#pragma once

#include "core/common/Result.h"

#include <QSqlDatabase>

namespace atalaya {

class Database;

// Which of a Database's per-thread connections are dead and must be opened again
// (docs/RELIABILITY.md §Outages). When the server goes away every handle to it dies, but a
// thread only learns so from its own failed statement; after a restart each would fail once
// more. So a lost connection, or the connection watcher seeing the server go or come back,
// marks every connection of the database stale, and Database::connection() opens a stale or
// closed one again before its next statement — never inside a transaction.

// Every thread's connection of db is to be opened again before its next statement.
void invalidateConnections(const Database &db);
// Why db's connection on this thread is not open ("cannot connect to …"): for a statement
// that cannot run, where Qt itself gives no reason.
Error notOpenError(const Database &db);
// Kept by SqlUtil's begin/commit/rollback: a connection is never swapped inside a transaction.
void setInTransaction(const QSqlDatabase &connection, bool open);

// The bookkeeping behind Database::connection(), by connection name and Database::instanceKey().
namespace connection_health {
// A failed attempt to open a closed connection is repeated at most this often.
constexpr int kReopenMs = 1000;
// Whether the connection is to be opened again now (stale, or closed and not tried just now);
// when true it counts as opened in the current generation.
bool shouldReopen(const QString &instance, const QString &name, bool isOpen);
// After an attempt to open the connection `name`.
void opened(const QString &instance, const QString &name, const Status &status);
// Drops what is kept for the instance's connections (the Database is gone).
void forget(const QString &instance, const QStringList &names);
}  // namespace connection_health

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"

namespace atalaya {

class Database;

// The driver's text of a statement that gave up waiting for another program's lock on a
// SQLite file (SQLITE_BUSY / SQLITE_LOCKED).
bool isSqliteLock(const Database &db, const QString &driverText);
// An Unavailable error (sqlError) because another session or program held a lock longer than
// the wait allowed: the server or file is fine, and the same write may go through later.
bool isLockTimeout(const Error &error);

}  // namespace atalaya

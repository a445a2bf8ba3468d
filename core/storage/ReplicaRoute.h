#pragma once

#include <QString>

namespace atalaya {

class Database;

// Reads when the read replica goes away mid-session (docs/DEPLOYMENTS.md §Primary + replicas).
// A read whose replica connection is lost or will not open is answered by the primary at once
// (SqlUtil's execQuery), and from then on Database::reads() sends reads to the primary without
// touching the replica, so a dead replica costs no read a connection attempt or a timeout. Only
// the replica's own periodic check (ReplicaLagWatcher) brings it back into use.
namespace replica_route {

// Made by Database::attachReplica: reads the replica cannot answer go to the primary.
void link(const Database &replica, const Database &primary);
// The primary behind a replica; null for any other database.
const Database *primaryOf(const Database &replica);
// The replica of `primary` stopped answering: reads go to the primary until answered().
void lost(const Database &primary, const QString &reason);
// The replica answered a check: reads may go to it again (every thread opens a new connection).
void answered(const Database &primary);
// Why reads go to the primary because the replica is down; empty while it is up.
QString downReason(const Database &primary);
bool isDown(const Database &primary);
// The Database is gone.
void forget(const Database &db);

}  // namespace replica_route

}  // namespace atalaya

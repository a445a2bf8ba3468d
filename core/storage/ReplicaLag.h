#pragma once

#include "core/common/Result.h"

#include <optional>

namespace atalaya {

class Database;

// How far the read replica is behind the primary (docs/DEPLOYMENTS.md §Primary + replicas).
struct ReplicaLag {
    enum class Source {
        SlaveStatus,  // SHOW SLAVE STATUS: Seconds_Behind_Master (needs SLAVE MONITOR)
        Heartbeat,  // the age on the replica of atalaya_heartbeat, rewritten on the primary
    };
    Source source = Source::SlaveStatus;
    // Whole seconds; nullopt when replication is stopped (no figure: the lag grows unbounded).
    std::optional<qint64> seconds;
    QString stoppedBecause;  // Last_SQL_Error / Last_IO_Error, or which thread is stopped
};

// Measured on the calling thread's connections to primary and to its replica. Falls back to the
// heartbeat row when the account may not run SHOW SLAVE STATUS (or straight to it when
// `heartbeatOnly`, once the refusal is known); the primary writes both timestamps the heartbeat
// compares, so the replica's clock plays no part.
Result<ReplicaLag> measureReplicaLag(const Database &primary, bool heartbeatOnly = false);

// What would make the replica's rollups and queue counts differ from the primary's, one sentence
// each (empty: none): the primary must log rows (binlog_format=ROW), so the rows its triggers
// wrote arrive as rows, and the replica must not run those triggers again
// (slave_run_triggers_for_rbr=NO, MariaDB's default).
Result<QStringList> replicationProblems(const Database &primary);

}  // namespace atalaya

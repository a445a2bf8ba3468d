#include "core/storage/ReplicaLag.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QDateTime>
#include <QSqlRecord>

namespace atalaya {
namespace {

Result<ReplicaLag> fromSlaveStatus(QSqlQuery &q)
{
    ReplicaLag lag;
    if (!q.next())
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("the read server is not a replica (SHOW SLAVE STATUS is empty); check --read-db"));
    const QSqlRecord r = q.record();
    const auto text = [&](const char *column) { return q.value(r.indexOf(QLatin1String(column))).toString(); };
    const QVariant behind = q.value(r.indexOf(QLatin1String("Seconds_Behind_Master")));
    if (!behind.isNull() && text("Slave_SQL_Running") == QLatin1String("Yes")) {
        lag.seconds = behind.toLongLong();
        return lag;
    }
    QString why = text("Last_SQL_Error");
    if (why.isEmpty())
        why = text("Last_IO_Error");
    if (why.isEmpty())
        why = QStringLiteral("replication is stopped (SQL thread: %1, IO thread: %2)")
                  .arg(text("Slave_SQL_Running"), text("Slave_IO_Running"));
    lag.stoppedBecause = why;
    return lag;
}

Result<QDateTime> beatAt(const Database &db, const QString &where)
{
    auto q = execQueryHere(db, QStringLiteral("SELECT beat_at FROM atalaya_heartbeat WHERE id = 1"), {},
                       QStringLiteral("reading the heartbeat on the %1").arg(where));
    if (!q)
        return q.error();
    if (!q->next())
        return QDateTime();
    return fromDbDateTime(q->value(0));
}

Result<ReplicaLag> fromHeartbeat(const Database &primary, const Database &replica)
{
    if (Status s =
            execStatement(primary,
                          QStringLiteral("INSERT INTO atalaya_heartbeat (id, beat_at) VALUES (1, UTC_TIMESTAMP(6)) "
                                         "ON DUPLICATE KEY UPDATE beat_at = UTC_TIMESTAMP(6)"),
                          {}, QStringLiteral("writing the replication heartbeat on the primary"));
        !s)
        return s.error();
    auto written = beatAt(primary, QStringLiteral("primary"));
    if (!written)
        return written.error();
    auto seen = beatAt(replica, QStringLiteral("replica"));
    if (!seen)
        return seen.error();
    ReplicaLag lag;
    lag.source = ReplicaLag::Source::Heartbeat;
    if (!seen->isValid()) {
        lag.stoppedBecause = QStringLiteral("the heartbeat row has not reached the replica");
        return lag;
    }
    lag.seconds = std::max<qint64>(0, seen->msecsTo(*written) / 1000);
    return lag;
}

}  // namespace

Result<ReplicaLag> measureReplicaLag(const Database &primary, bool heartbeatOnly)
{
    const Database *replica = primary.replica();
    if (!replica)
        return makeError(ErrorCode::Usage, QStringLiteral("no read replica is configured (--read-db)"));
    if (heartbeatOnly)
        return fromHeartbeat(primary, *replica);
    auto status =
        execQueryHere(*replica, QStringLiteral("SHOW SLAVE STATUS"), {}, QStringLiteral("reading the replica's status"));
    if (status)
        return fromSlaveStatus(*status);
    if (!isPermissionDenied(status.error()))
        return status.error();
    return fromHeartbeat(primary, *replica);
}

}  // namespace atalaya

namespace atalaya {

Result<QStringList> replicationProblems(const Database &primary)
{
    const Database *replica = primary.replica();
    if (!replica)
        return QStringList();
    QStringList problems;
    auto format = execQuery(primary, QStringLiteral("SELECT @@binlog_format"), {},
                            QStringLiteral("reading the primary's binlog_format"));
    if (!format)
        return format.error();
    if (format->next() && format->value(0).toString().compare(QLatin1String("ROW"), Qt::CaseInsensitive) != 0)
        problems << QStringLiteral("the primary logs binlog_format=%1: set binlog_format=ROW so the rollup and "
                                   "queue-count rows its triggers write reach the replica as rows")
                        .arg(format->value(0).toString());
    auto triggers = execQueryHere(*replica, QStringLiteral("SELECT @@slave_run_triggers_for_rbr"), {},
                              QStringLiteral("reading the replica's slave_run_triggers_for_rbr"));
    // MySQL has no such setting: its replicas never run triggers for row events.
    if (triggers && triggers->next()
        && triggers->value(0).toString().compare(QLatin1String("NO"), Qt::CaseInsensitive) != 0)
        problems << QStringLiteral("the replica has slave_run_triggers_for_rbr=%1: it runs the triggers a second "
                                   "time and counts every decision twice in its rollups and queue counts; set it "
                                   "to NO")
                        .arg(triggers->value(0).toString());
    return problems;
}

}  // namespace atalaya

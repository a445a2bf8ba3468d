#include "core/storage/ReadYourWrites.h"

#include <QSqlQuery>

namespace atalaya {

void ReadYourWrites::noteCommit(const QSqlDatabase &primary)
{
    QSqlQuery q(primary);
    const bool hasGtid = q.exec(QStringLiteral("SELECT @@last_gtid")) && q.next();
    const QString gtid = hasGtid ? q.value(0).toString() : QString();
    QMutexLocker lock(&m_mutex);
    if (!hasGtid) {
        m_window.setRemainingTime(kWindowWithoutGtidMs);
        m_windowOpen = true;
        return;
    }
    // A read-only transaction leaves @@last_gtid as it was: nothing new to wait for.
    if (gtid.isEmpty() || gtid == m_gtid)
        return;
    m_gtid = gtid;
    m_waited = false;
}

bool ReadYourWrites::replicaHasApplied(const QSqlDatabase &replica)
{
    QString gtid;
    double timeout = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_windowOpen) {
            if (!m_window.hasExpired())
                return false;
            m_windowOpen = false;
        }
        if (m_gtid.isEmpty())
            return true;
        gtid = m_gtid;
        timeout = m_waited ? 0.0 : kFirstWaitSeconds;
        m_waited = true;
    }
    QSqlQuery q(replica);
    q.prepare(QStringLiteral("SELECT MASTER_GTID_WAIT(?, ?)"));
    q.addBindValue(gtid);
    q.addBindValue(timeout);
    // 0: applied; -1: not within the timeout; an error (no privilege, not a replica): unknown.
    if (!q.exec() || !q.next() || q.value(0).toInt() != 0)
        return false;
    QMutexLocker lock(&m_mutex);
    if (m_gtid == gtid)
        m_gtid.clear();
    return m_gtid.isEmpty();
}

QString ReadYourWrites::pendingGtid() const
{
    QMutexLocker lock(&m_mutex);
    return m_gtid;
}

}  // namespace atalaya

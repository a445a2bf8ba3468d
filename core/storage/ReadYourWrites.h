#pragma once

#include <QDeadlineTimer>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

namespace atalaya {

// Read-your-writes between a primary and its replica (docs/DEPLOYMENTS.md §Primary + replicas).
// After this process commits on the primary it keeps the GTID of that commit (MariaDB's
// @@last_gtid); a read that could go to the replica first asks the replica whether it has
// applied it (MASTER_GTID_WAIT with a short timeout: kFirstWaitSeconds for the first read after
// the commit, then 0). Until it has, the read goes to the primary: so a reviewer never sees the
// item just reviewed as pending, and counts and dashboards agree with it, whatever the lag.
// A primary without GTIDs (MySQL) gets a fixed window after each commit instead.
class ReadYourWrites {
public:
    static constexpr double kFirstWaitSeconds = 0.05;
    static constexpr int kWindowWithoutGtidMs = 10000;

    // After a commit on the primary, on the connection that committed.
    void noteCommit(const QSqlDatabase &primary);
    // Whether the replica (this thread's connection to it) has applied every commit noted so far.
    bool replicaHasApplied(const QSqlDatabase &replica);
    // The GTID a replica read waits for; empty when none is pending (for tests and the log).
    QString pendingGtid() const;

private:
    mutable QMutex m_mutex;
    QString m_gtid;  // the last commit's GTID not yet seen on the replica
    bool m_waited = false;  // the first read after the commit waited already
    QDeadlineTimer m_window{QDeadlineTimer::Forever};  // without GTIDs: primary until it expires
    bool m_windowOpen = false;
};

}  // namespace atalaya

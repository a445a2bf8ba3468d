#pragma once

#include "core/storage/Database.h"
#include "core/storage/ReplicaLag.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

class QTimer;

namespace atalaya {

// What the status bar shows about the read replica (docs/DEPLOYMENTS.md §Primary + replicas).
struct ReplicaLagState {
    bool known = false;  // a measurement succeeded
    ReplicaLag lag;
    QString error;  // why the last measurement failed (replica unreachable, not a replica)
    // Why the replica counts as down and reads go to the primary (replica_route::downReason);
    // empty while reads may go to the replica.
    QString down;
    bool overThreshold = false;  // lag above the warning threshold, replication stopped, replica down
};

// Measures the replica's lag every intervalMs on a thread (and so connections) of its own, and
// reports each measurement. Once SHOW SLAVE STATUS is refused it uses the heartbeat row only.
// It is also what brings a replica that went down back into use: a measurement that reaches it
// sends reads there again (replica_route::answered), one that cannot connect sends them to the
// primary. A read that found the replica dead is reported within kDownCheckMs, without SQL.
class ReplicaLagWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kDownCheckMs = 250;

    ReplicaLagWatcher(std::shared_ptr<const Database> db, int warnSeconds, int intervalMs = 5000,
                      QObject *parent = nullptr);
    ~ReplicaLagWatcher() override;

    void setWarnSeconds(int seconds);
    const ReplicaLagState &state() const { return m_state; }

public slots:
    void measureNow();

signals:
    void measured(const atalaya::ReplicaLagState &state);

private:
    void settle(ReplicaLagState state);
    void checkDown();

    std::shared_ptr<const Database> m_db;
    int m_warnSeconds;
    QThreadPool m_thread;
    QTimer *m_timer = nullptr;
    QTimer *m_downCheck = nullptr;
    bool m_measuring = false;
    bool m_heartbeatOnly = false;
    ReplicaLagState m_state;
};

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::ReplicaLagState)

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
    bool overThreshold = false;  // lag above the warning threshold, or replication stopped
};

// Measures the replica's lag every intervalMs on a thread (and so connections) of its own, and
// reports each measurement. Once SHOW SLAVE STATUS is refused it uses the heartbeat row only.
class ReplicaLagWatcher : public QObject {
    Q_OBJECT
public:
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

    std::shared_ptr<const Database> m_db;
    int m_warnSeconds;
    QThreadPool m_thread;
    QTimer *m_timer = nullptr;
    bool m_measuring = false;
    bool m_heartbeatOnly = false;
    ReplicaLagState m_state;
};

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::ReplicaLagState)

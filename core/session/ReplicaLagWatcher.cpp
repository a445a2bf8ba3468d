#include "core/session/ReplicaLagWatcher.h"

#include "core/logging/Logging.h"
#include "core/storage/ReplicaRoute.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

namespace atalaya {

ReplicaLagWatcher::ReplicaLagWatcher(std::shared_ptr<const Database> db, int warnSeconds, int intervalMs,
                                     QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_warnSeconds(warnSeconds)
{
    qRegisterMetaType<ReplicaLagState>();
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &ReplicaLagWatcher::measureNow);
    m_timer->start();
    m_downCheck = new QTimer(this);
    m_downCheck->setInterval(kDownCheckMs);
    connect(m_downCheck, &QTimer::timeout, this, &ReplicaLagWatcher::checkDown);
    m_downCheck->start();
    QTimer::singleShot(0, this, &ReplicaLagWatcher::measureNow);
}

void ReplicaLagWatcher::checkDown()
{
    const QString down = replica_route::downReason(*m_db);
    if (down == m_state.down)
        return;
    m_state.down = down;
    m_state.overThreshold = !down.isEmpty() || (m_state.known ? m_state.overThreshold : !m_state.error.isEmpty());
    emit measured(m_state);
}

ReplicaLagWatcher::~ReplicaLagWatcher()
{
    m_thread.waitForDone();
}

void ReplicaLagWatcher::setWarnSeconds(int seconds)
{
    m_warnSeconds = seconds;
    if (m_state.known) {
        m_state.overThreshold = !m_state.lag.seconds || *m_state.lag.seconds > m_warnSeconds;
        emit measured(m_state);
    }
}

void ReplicaLagWatcher::measureNow()
{
    if (m_measuring)
        return;
    m_measuring = true;
    // Result has no empty state, which QFuture needs: the state travels instead.
    auto *watcher = new QFutureWatcher<ReplicaLagState>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_measuring = false;
        settle(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_thread, [db = m_db, heartbeatOnly = m_heartbeatOnly] {
        ReplicaLagState state;
        auto lag = measureReplicaLag(*db, heartbeatOnly);
        if (lag) {
            state.known = true;
            state.lag = *lag;
            replica_route::answered(*db);
        } else {
            state.error = lag.error().message;
            // A new connection tells a replica that is gone from one that refuses the question.
            if (!db->replica()->connection().isOpen())
                replica_route::lost(*db, state.error);
        }
        state.down = replica_route::downReason(*db);
        return state;
    }));
}

void ReplicaLagWatcher::settle(ReplicaLagState state)
{
    if (state.known) {
        state.overThreshold = !state.lag.seconds || *state.lag.seconds > m_warnSeconds;
        if (state.lag.source == ReplicaLag::Source::Heartbeat && !m_heartbeatOnly) {
            m_heartbeatOnly = true;
            qCInfo(lcStorage) << "the replica's lag comes from the heartbeat row: SHOW SLAVE STATUS is not permitted";
        }
    } else {
        state.overThreshold = true;
    }
    if (!state.down.isEmpty())
        state.overThreshold = true;
    m_state = state;
    emit measured(m_state);
}

}  // namespace atalaya

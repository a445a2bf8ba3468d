#include "core/session/ConnectionWatcher.h"

#include "core/logging/Logging.h"
#include "core/storage/ConnectionHealth.h"
#include "core/storage/SqlUtil.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

namespace atalaya {

ConnectionWatcher::ConnectionWatcher(std::shared_ptr<const Database> db, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_node(m_db->activeNode())
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
    m_timer = new QTimer(this);
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ConnectionWatcher::checkNow);
    m_timer->start();
    m_silence = new QTimer(this);
    m_silence->setSingleShot(true);
    m_silence->setInterval(kSilenceMs);
    connect(m_silence, &QTimer::timeout, this, &ConnectionWatcher::reportSilence);
}

ConnectionWatcher::~ConnectionWatcher()
{
    m_thread.waitForDone();
}

// A Galera node out of the primary component still answers `SELECT 1`: for a cluster the ping
// asks whether the node takes statements (wsrep_ready).
bool ConnectionWatcher::answers(const Database &db)
{
    if (!db.connection().isOpen())
        return false;
    if (!db.url().isCluster())
        return execQuery(db, QStringLiteral("SELECT 1"), {}, QStringLiteral("checking the connection")).ok();
    auto q =
        execQuery(db, QStringLiteral("SHOW STATUS LIKE 'wsrep_ready'"), {}, QStringLiteral("checking the connection"));
    return q && (!q->next() || q->value(1).toString() == QLatin1String("ON"));
}

ConnectionWatcher::Ping ConnectionWatcher::ping(const Database &db)
{
    if (answers(db))
        return {true, false, {}, db.activeNode()};
    // The handle is dead or closed: a new connection says whether the server (or another node
    // of the cluster) is there.
    if (Status again = db.reconnect(); !again)
        return {false, false, again.error().message, db.activeNode()};
    return {true, true, {}, db.activeNode()};
}

void ConnectionWatcher::checkNow()
{
    if (m_pinging) {
        if (m_pingStarted.elapsed() >= kSilenceMs)
            reportSilence();
        return;
    }
    m_pinging = true;
    m_pingStarted.start();
    m_silence->start();
    auto *watcher = new QFutureWatcher<Ping>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_pinging = false;
        m_silence->stop();
        settle(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_thread, [db = m_db] { return ping(*db); }));
}

void ConnectionWatcher::reportSilence()
{
    reportLost(QStringLiteral("%1 has not answered a ping for %2 s — the server or the network may be stuck")
                   .arg(m_db->url().describe())
                   .arg(m_pingStarted.elapsed() / 1000));
}

void ConnectionWatcher::reportLost(const QString &reason)
{
    const bool changed = m_state != State::Lost || reason != m_reason;
    if (m_state != State::Lost) {
        logEvent(lcStorage(), QtWarningMsg, QStringLiteral("database connection lost"),
                 {{QStringLiteral("database"), m_db->url().describe()}, {QStringLiteral("reason"), reason}});
        invalidateConnections(*m_db);
    }
    m_state = State::Lost;
    m_reason = reason;
    if (changed)
        emit lost(m_reason);
}

void ConnectionWatcher::settle(const Ping &result)
{
    if (!result.ok) {
        reportLost(result.reason);
        return;
    }
    // Another thread may have moved the database to another node of its cluster first.
    const bool moved = result.node != m_node;
    const bool back = m_state == State::Lost || result.bounced || moved;
    m_state = State::Connected;
    m_reason.clear();
    m_node = result.node;
    if (!back)
        return;
    logEvent(lcStorage(), QtInfoMsg, QStringLiteral("database connection restored"),
             {{QStringLiteral("database"), m_db->describeActive()}});
    invalidateConnections(*m_db);
    emit restored();
}

}  // namespace atalaya

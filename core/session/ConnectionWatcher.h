#pragma once

#include "core/storage/Database.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

#include <memory>

class QTimer;

namespace atalaya {

// Notices that the server went away or came back (docs/RELIABILITY.md §Outages): a cheap ping
// (`SELECT 1`) every kIntervalMs on a thread (and so a connection) of its own, so a dead
// server is known within seconds even while no page reads. Either change makes every thread of the
// database open its connection again before its next statement; `restored` is the moment to
// reload what failed and deliver the outbox, without waiting for any backoff.
class ConnectionWatcher : public QObject {
    Q_OBJECT
public:
    enum class State { Unknown, Connected, Lost };
    static constexpr int kIntervalMs = 1000;
    // A ping still unanswered after this long means a stuck server or network: reported as
    // lost then, not after the read timeout (60 s) that ends the ping.
    static constexpr int kSilenceMs = 2000;

    explicit ConnectionWatcher(std::shared_ptr<const Database> db, QObject *parent = nullptr);
    ~ConnectionWatcher() override;

    State state() const { return m_state; }
    // Why the last ping failed (what the driver said and what to check); empty when connected.
    const QString &reason() const { return m_reason; }
    static int retrySeconds() { return (kIntervalMs + 999) / 1000; }

public slots:
    // Pings now (a page's read just failed) instead of at the next tick.
    void checkNow();

signals:
    // The server stopped answering (or the reason changed while it is out).
    void lost(const QString &reason);
    // The server accepts connections again, also after a restart between two pings, or the
    // connections moved to another node of a cluster (Database::activeNode()).
    void restored();

private:
    struct Ping {
        bool ok = false;
        bool bounced = false;  // the handle had died but a new connection worked
        QString reason;
        qsizetype node = 0;  // Database::activeNode() after the ping
    };
    static bool answers(const Database &db);
    static Ping ping(const Database &db);
    void settle(const Ping &result);
    void reportLost(const QString &reason);
    void reportSilence();

    std::shared_ptr<const Database> m_db;
    QThreadPool m_thread;  // one thread that never expires: the probe keeps one connection
    QTimer *m_timer = nullptr;
    QTimer *m_silence = nullptr;  // fires kSilenceMs after a ping started
    bool m_pinging = false;
    QElapsedTimer m_pingStarted;
    State m_state = State::Unknown;
    QString m_reason;
    qsizetype m_node = 0;
};

}  // namespace atalaya

#pragma once

#include "core/chat/ChatDemoStream.h"
#include "core/common/Result.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>

class QWebSocket;
class QWebSocketServer;

namespace atalaya {

struct ChatDemoServerOptions {
    quint16 port = 0;  // 0 = any free loopback port
    double eventsPerSecond = 4.0;
    int batch = 1;  // events per frame; > 1 sends JSON arrays
    qint64 maxEvents = -1;  // then close every client (benchmarks); -1 = forever
    QString token;  // when set, clients must send "Authorization: Bearer <token>"
    std::vector<qint64> telemetryIds;
    quint32 seed = 42;
};

// Plays ChatDemoStream on a loopback WebSocket to every connected client; the same
// stream goes to all of them. Heartbeats every 5 s.
class ChatDemoServer : public QObject {
    Q_OBJECT
public:
    explicit ChatDemoServer(ChatDemoServerOptions options, QObject *parent = nullptr);
    ~ChatDemoServer() override;

    Status listen();
    quint16 port() const;
    QString url() const;
    qint64 sentEvents() const { return m_sent; }
    int clientCount() const { return static_cast<int>(m_clients.size()); }

signals:
    void finished();  // maxEvents reached and clients closed

private:
    void onNewConnection();
    void tick();
    void send(const QString &frame);

    ChatDemoServerOptions m_options;
    QTimer m_tick;  // a child, so moveToThread() takes it along
    QWebSocketServer *m_server = nullptr;
    QList<QWebSocket *> m_clients;
    ChatDemoStream m_stream;
    QElapsedTimer m_clock;
    double m_due = 0.0;
    std::atomic<qint64> m_sent{0};  // read by other threads (bench, tests)
    qint64 m_lastHeartbeatMs = 0;
};

}  // namespace atalaya

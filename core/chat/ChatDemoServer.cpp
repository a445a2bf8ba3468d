#include "core/chat/ChatDemoServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>
#include <QWebSocketServer>

namespace atalaya {

ChatDemoServer::ChatDemoServer(ChatDemoServerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_tick(this),
      m_stream(m_options.seed, m_options.telemetryIds,
               QStringLiteral("live-%1-").arg(QDateTime::currentSecsSinceEpoch() % 10000))
{
    m_server = new QWebSocketServer(QStringLiteral("atalaya-chat-demo"), QWebSocketServer::NonSecureMode, this);
    connect(m_server, &QWebSocketServer::newConnection, this, &ChatDemoServer::onNewConnection);
    m_tick.setInterval(10);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &ChatDemoServer::tick);
}

ChatDemoServer::~ChatDemoServer()
{
    for (QWebSocket *c : std::as_const(m_clients))
        c->abort();
}

Status ChatDemoServer::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_options.port))
        return makeError(
            ErrorCode::Unavailable,
            QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(m_options.port).arg(m_server->errorString()));
    m_clock.start();
    m_tick.start();
    return {};
}

quint16 ChatDemoServer::port() const
{
    return m_server->serverPort();
}

QString ChatDemoServer::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1/ws/monitor").arg(port());
}

void ChatDemoServer::onNewConnection()
{
    while (QWebSocket *client = m_server->nextPendingConnection()) {
        if (!m_options.token.isEmpty()
            && client->request().rawHeader("Authorization") != "Bearer " + m_options.token.toUtf8()) {
            client->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("missing or wrong bearer token"));
            client->deleteLater();
            continue;
        }
        m_clients.append(client);
        connect(client, &QWebSocket::disconnected, this, [this, client] {
            m_clients.removeAll(client);
            client->deleteLater();
        });
    }
}

void ChatDemoServer::send(const QString &frame)
{
    for (QWebSocket *c : std::as_const(m_clients))
        c->sendTextMessage(frame);
}

void ChatDemoServer::tick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastHeartbeatMs >= 5000) {
        m_lastHeartbeatMs = now;
        if (!m_clients.isEmpty())
            send(QString::fromUtf8(QJsonDocument(ChatDemoStream::heartbeat(now)).toJson(QJsonDocument::Compact)));
    }
    // Catch up on what is due since the last tick, but never burst more than 1 s worth.
    m_due = std::min(m_due + m_options.eventsPerSecond * m_tick.interval() / 1000.0, m_options.eventsPerSecond + 1.0);
    if (m_clients.isEmpty())
        return;
    const int batch = std::max(1, m_options.batch);
    while (m_due >= 1.0) {
        if (m_options.maxEvents >= 0 && m_sent >= m_options.maxEvents) {
            m_tick.stop();
            for (QWebSocket *c : std::as_const(m_clients))
                c->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("demo finished"));
            emit finished();
            return;
        }
        if (batch == 1) {
            send(QString::fromUtf8(QJsonDocument(m_stream.next(now)).toJson(QJsonDocument::Compact)));
            m_due -= 1.0;
            ++m_sent;
            continue;
        }
        QJsonArray frame;
        for (int i = 0; i < batch && m_due >= 1.0; ++i, m_due -= 1.0, ++m_sent)
            frame.append(m_stream.next(now));
        send(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
}

}  // namespace atalaya

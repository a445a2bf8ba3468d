#pragma once

#include <QList>
#include <QStringList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

namespace atalaya::test {

// The current time as a feed `ts`.
QString nowIso();

// A feed frame written with single quotes for JSON's double quotes; TS becomes nowIso().
QString frame(const char *text);

// docs/CHAT_PROTOCOL.md's example conversation c-81 (completed unresolved, rated 5, an answer of
// 850 ms with `telemetryId`) and an implicit c-90 (a failed answer of 400 ms in a batch with
// a heartbeat, then an error): 7 frames, 9 events, 4 messages.
QStringList protocolExample(qint64 telemetryId);

// A chat feed server inside the test, driven step by step.
class FeedServer : public QObject {
public:
    explicit FeedServer(QWebSocketServer::SslMode mode = QWebSocketServer::NonSecureMode);
    bool listen();
    QUrl url(const char *scheme = "ws") const;
    void send(const QString &text);
    // Aborts every client connection (a server that went away).
    void drop();

    // Declared before the server: its destructor closes sockets whose handlers touch these.
    QList<QWebSocket *> clients;
    int connections = 0;
    QByteArray authorization;
    QWebSocketServer server;
};

}  // namespace atalaya::test

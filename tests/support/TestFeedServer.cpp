#include "tests/support/TestFeedServer.h"

#include <QDateTime>

namespace atalaya::test {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString frame(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"')).replace(QStringLiteral("TS"), nowIso());
}

QStringList protocolExample(qint64 telemetryId)
{
    const char *frames[] = {
        "{'type':'conversation.started','conversation_id':'c-81','user_id':'u-7','channel':'web','ts':'TS'}",
        "{'type':'message','conversation_id':'c-81','message_id':'m-1','role':'user','content':'¿Cuál es mi "
        "saldo?','ts':'TS'}",
        "{'type':'message','conversation_id':'c-81','message_id':'m-2','role':'assistant','content':'12 "
        "€','ts':'TS','latency_ms':850,'intent':'billing','success':true,'telemetry_id':TID}",
        "[{'type':'message','conversation_id':'c-90','role':'user','content':'login?','ts':'TS'},"
        " {'type':'message','conversation_id':'c-90','role':'assistant','content':'ok','ts':'TS','latency_ms':400,'"
        "intent':'login','success':false},"
        " {'type':'heartbeat','ts':'TS'}]",
        "{'type':'satisfaction','conversation_id':'c-81','rating':5,'ts':'TS'}",
        "{'type':'error','conversation_id':'c-90','code':'llm_timeout','message':'upstream timeout','ts':'TS'}",
        "{'type':'conversation.completed','conversation_id':'c-81','resolved':false,'ts':'TS'}",
    };
    QStringList out;
    for (const char *f : frames)
        out << frame(f).replace(QStringLiteral("TID"), QString::number(telemetryId));
    return out;
}

FeedServer::FeedServer(QWebSocketServer::SslMode mode) : server(QStringLiteral("test-feed"), mode)
{
    connect(&server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *c = server.nextPendingConnection()) {
            ++connections;
            authorization = c->request().rawHeader("Authorization");
            clients.append(c);
            connect(c, &QWebSocket::disconnected, this, [this, c] { clients.removeAll(c); });
        }
    });
}

bool FeedServer::listen()
{
    return server.listen(QHostAddress::LocalHost, 0);
}

QUrl FeedServer::url(const char *scheme) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws/monitor").arg(QLatin1String(scheme)).arg(server.serverPort()));
}

void FeedServer::send(const QString &text)
{
    for (QWebSocket *c : std::as_const(clients))
        c->sendTextMessage(text);
}

void FeedServer::drop()
{
    const auto all = clients;
    clients.clear();
    for (QWebSocket *c : all)
        c->abort();
}

}  // namespace atalaya::test

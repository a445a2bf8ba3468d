#include "core/chat/ChatParser.h"

#include <QtTest>

using namespace atalaya;

namespace {
// Single quotes stand for JSON's double quotes, to keep the frames readable.
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}
const QByteArray kTs = "\"ts\":\"2026-11-21T10:00:00.120Z\"";
QByteArray obj(const QByteArray &body)
{
    return "{" + body + "," + kTs + "}";
}
}  // namespace

class TestChatParser : public QObject {
    Q_OBJECT
private slots:
    void everyEventType_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("type");
        QTest::newRow("started") << obj(
            q("'type':'conversation.started','conversation_id':'c-81','user_id':'u-7','channel':'web'"))
                                 << int(ChatEvent::Type::ConversationStarted);
        QTest::newRow("user message") << obj(q("'type':'message','conversation_id':'c-81','message_id':'m-1','role':'"
                                               "user','content':'¿Cuál es mi saldo?'"))
                                      << int(ChatEvent::Type::Message);
        QTest::newRow("assistant message")
            << obj(q("'type':'message','conversation_id':'c-81','message_id':'m-2','role':'assistant','content':'…','"
                     "latency_ms':850,'intent':'billing','success':true,'telemetry_id':12345"))
            << int(ChatEvent::Type::Message);
        QTest::newRow("satisfaction") << obj(
            q("'type':'satisfaction','conversation_id':'c-81','rating':4,'comment':'rápido'"))
                                      << int(ChatEvent::Type::Satisfaction);
        QTest::newRow("error") << obj(
            q("'type':'error','conversation_id':'c-81','code':'llm_timeout','message':'upstream timeout'"))
                               << int(ChatEvent::Type::Error);
        QTest::newRow("error without conversation")
            << obj(q("'type':'error','code':'llm_timeout'")) << int(ChatEvent::Type::Error);
        QTest::newRow("completed") << obj(q("'type':'conversation.completed','conversation_id':'c-81','resolved':true"))
                                   << int(ChatEvent::Type::ConversationCompleted);
        QTest::newRow("heartbeat") << obj(q("'type':'heartbeat'")) << int(ChatEvent::Type::Heartbeat);
    }
    void everyEventType()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, type);
        const ChatParseResult r = parseChatFrame(frame);
        QCOMPARE(r.malformedTotal(), 0);
        QCOMPARE(r.ignored, 0);
        QCOMPARE(int(r.events.size()), 1);
        QCOMPARE(int(r.events[0].type), type);
        QCOMPARE(r.events[0].tsMs, QDateTime(QDate(2026, 11, 21), QTime(10, 0, 0, 120), Qt::UTC).toMSecsSinceEpoch());
    }

    void assistantFields()
    {
        const auto r =
            parseChatFrame(obj(q("'type':'message','conversation_id':'c-81','role':'assistant','content':'x','latency_"
                                 "ms':850,'intent':'billing','success':false,'telemetry_id':12345")));
        QCOMPARE(int(r.events.size()), 1);
        const ChatEvent &e = r.events[0];
        QVERIFY(e.assistant);
        QCOMPARE(e.latencyMs.value_or(-1), 850);
        QCOMPARE(e.intent, QStringLiteral("billing"));
        QCOMPARE(e.success, false);
        QCOMPARE(e.telemetryId.value_or(-1), 12345);
        // success defaults to true (docs/CHAT_PROTOCOL.md)
        const auto d =
            parseChatFrame(obj(q("'type':'message','conversation_id':'c','role':'assistant','content':'x'")));
        QVERIFY(d.events.at(0).success);
        QVERIFY(!d.events.at(0).telemetryId);
    }

    void malformedKinds_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("kind");
        const int notJson = int(MalformedKind::NotJson), missing = int(MalformedKind::MissingField),
                  wrong = int(MalformedKind::WrongType), range = int(MalformedKind::OutOfRange);
        QTest::newRow("garbage") << QByteArray("hello") << notJson;
        QTest::newRow("truncated") << QByteArray(q("{'type':'message','conv")) << notJson;
        QTest::newRow("empty") << QByteArray("") << notJson;
        QTest::newRow("invalid utf8 json") << QByteArray("{\"type\":\"heartbeat\",\"ts\":\"\xff\xfe\"}") << notJson;
        QTest::newRow("no type") << QByteArray(q("{'ts':'2026-11-21T10:00:00Z'}")) << missing;
        QTest::newRow("no ts") << QByteArray(q("{'type':'heartbeat'}")) << missing;
        QTest::newRow("no conversation_id") << obj(q("'type':'conversation.started'")) << missing;
        QTest::newRow("no role") << obj(q("'type':'message','conversation_id':'c','content':'x'")) << missing;
        QTest::newRow("no content") << obj(q("'type':'message','conversation_id':'c','role':'user'")) << missing;
        QTest::newRow("no rating") << obj(q("'type':'satisfaction','conversation_id':'c'")) << missing;
        QTest::newRow("no error code") << obj(q("'type':'error','conversation_id':'c'")) << missing;
        QTest::newRow("null conversation_id")
            << obj(q("'type':'conversation.completed','conversation_id':null")) << missing;
        QTest::newRow("type number") << QByteArray(q("{'type':7,'ts':'2026-11-21T10:00:00Z'}")) << wrong;
        QTest::newRow("ts number") << QByteArray(q("{'type':'heartbeat','ts':5}")) << wrong;
        QTest::newRow("ts not iso") << QByteArray(q("{'type':'heartbeat','ts':'yesterday'}")) << wrong;
        QTest::newRow("ts no zone") << QByteArray(q("{'type':'heartbeat','ts':'2026-11-21T10:00:00'}")) << wrong;
        QTest::newRow("ts bad day") << QByteArray(q("{'type':'heartbeat','ts':'2026-02-30T10:00:00Z'}")) << wrong;
        QTest::newRow("rating string") << obj(q("'type':'satisfaction','conversation_id':'c','rating':'4'")) << wrong;
        QTest::newRow("rating fraction") << obj(q("'type':'satisfaction','conversation_id':'c','rating':4.5")) << wrong;
        QTest::newRow("latency string") << obj(
            q("'type':'message','conversation_id':'c','role':'assistant','content':'x','latency_ms':'850'"))
                                        << wrong;
        QTest::newRow("success string") << obj(
            q("'type':'message','conversation_id':'c','role':'assistant','content':'x','success':'yes'"))
                                        << wrong;
        QTest::newRow("content object") << obj(q("'type':'message','conversation_id':'c','role':'user','content':{}"))
                                        << wrong;
        QTest::newRow("resolved number") << obj(q("'type':'conversation.completed','conversation_id':'c','resolved':1"))
                                         << wrong;
        QTest::newRow("telemetry_id fraction")
            << obj(q("'type':'message','conversation_id':'c','role':'assistant','content':'x','telemetry_id':1.5"))
            << wrong;
        QTest::newRow("scalar batch element") << QByteArray("[1]") << wrong;
        QTest::newRow("rating 0") << obj(q("'type':'satisfaction','conversation_id':'c','rating':0")) << range;
        QTest::newRow("rating 6") << obj(q("'type':'satisfaction','conversation_id':'c','rating':6")) << range;
        QTest::newRow("negative latency")
            << obj(q("'type':'message','conversation_id':'c','role':'assistant','content':'x','latency_ms':-1"))
            << range;
        QTest::newRow("role system") << obj(q("'type':'message','conversation_id':'c','role':'system','content':'x'"))
                                     << range;
        QTest::newRow("telemetry_id 0") << obj(
            q("'type':'message','conversation_id':'c','role':'assistant','content':'x','telemetry_id':0"))
                                        << range;
        QTest::newRow("empty conversation_id") << obj(q("'type':'conversation.started','conversation_id':''")) << range;
        QTest::newRow("huge conversation_id")
            << obj("\"type\":\"conversation.started\",\"conversation_id\":\"" + QByteArray(500, 'x') + "\"") << range;
    }
    void malformedKinds()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, kind);
        const ChatParseResult r = parseChatFrame(frame);
        QVERIFY(r.events.empty());
        QCOMPARE(r.malformedTotal(), 1);
        QVERIFY2(r.malformed[kind] == 1,
                 qPrintable(QStringLiteral("%1 %2 %3 %4 — %5")
                                .arg(r.malformed[0])
                                .arg(r.malformed[1])
                                .arg(r.malformed[2])
                                .arg(r.malformed[3])
                                .arg(r.sample[kind])));
        QVERIFY(!r.sample[kind].isEmpty());
    }

    void unknownTypeIsIgnoredNotMalformed()
    {
        const auto r = parseChatFrame(q("{'type':'typing','conversation_id':'c'}"));
        QCOMPARE(r.ignored, 1);
        QCOMPARE(r.malformedTotal(), 0);
        QVERIFY(r.events.empty());
    }

    void batchKeepsGoodElements()
    {
        const QByteArray batch = "[" + obj(q("'type':'conversation.started','conversation_id':'a'")) + ","
            + obj(q("'type':'satisfaction','conversation_id':'a','rating':9")) + ",\"text\","
            + q("{'type':'presence'},") + obj(q("'type':'heartbeat'")) + "]";
        const auto r = parseChatFrame(batch);
        QCOMPARE(int(r.events.size()), 2);
        QCOMPARE(r.ignored, 1);
        QCOMPARE(r.malformed[int(MalformedKind::OutOfRange)], 1);
        QCOMPARE(r.malformed[int(MalformedKind::WrongType)], 1);
        QCOMPARE(parseChatFrame("[]").events.size(), size_t(0));
    }

    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("Z millis") << "2026-11-21T10:00:00.120Z" << qint64(1795255200120);
        QTest::newRow("Z") << "2026-11-21T10:00:00Z" << qint64(1795255200000);
        QTest::newRow("micros") << "2026-11-21T10:00:00.123456Z" << qint64(1795255200123);
        QTest::newRow("offset") << "2026-11-21T11:30:00+01:30" << qint64(1795255200000);
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseChatTimestamp(text).value_or(-1), ms);
        QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch(), ms);
    }
};

QTEST_GUILESS_MAIN(TestChatParser)
#include "tst_chatparser.moc"

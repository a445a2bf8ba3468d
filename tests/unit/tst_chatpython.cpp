#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// `chat watch` against a feed written with Python's `websockets` (tests/chat/chat_feed_server.py):
// every event type, a batch, an implicit conversation, each malformed kind, an unknown
// type, a binary frame, a server drop and the reconnect, then the idle exit.
class TestChatPython : public QObject {
    Q_OBJECT
private slots:
    void watchAgainstPythonWebsockets()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        if (QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import websockets")}) != 0)
            QFAIL("python3-websockets is missing (scripts/bootstrap.sh installs it)");
        QProcess server;
        server.start(python, {QStringLiteral(CHAT_FEED_SERVER), QStringLiteral("py-token")});
        QVERIFY(server.waitForStarted());
        QVERIFY(server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        QVERIFY(port > 0);

        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("watch.jsonl"));
        QProcess cli;
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  {QStringLiteral("chat"), QStringLiteral("watch"), QStringLiteral("--url"),
                   QStringLiteral("ws://127.0.0.1:%1/ws/monitor").arg(port), QStringLiteral("--token-stdin"),
                   QStringLiteral("--log-json"), log, QStringLiteral("--until-idle"), QStringLiteral("2.5"),
                   QStringLiteral("--max-seconds"), QStringLiteral("30")});
        cli.write("py-token\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(40000));
        server.kill();
        server.waitForFinished();
        QCOMPARE(cli.exitCode(), 0);
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray logged = logFile.readAll();
        QVERIFY2(logged.contains("reconnecting"), logged.constData());  // the drop was seen and survived
        QVERIFY(logged.contains("malformed chat frame (not_json)"));
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonObject t = json[QStringLiteral("totals")].toObject();
        const QJsonObject w = json[QStringLiteral("window")].toObject();
        // Hand-computed from chat_feed_server.py: part one 7 events, part two 3.
        QCOMPARE(json[QStringLiteral("connected")].toBool(), true);
        QCOMPARE(t[QStringLiteral("events")].toInt(), 10);
        QCOMPARE(t[QStringLiteral("conversations_started")].toInt(), 1);
        QCOMPARE(t[QStringLiteral("conversations_completed")].toInt(), 1);
        QCOMPARE(t[QStringLiteral("messages")].toInt(), 5);
        QCOMPARE(t[QStringLiteral("user_messages")].toInt(), 2);
        QCOMPARE(t[QStringLiteral("assistant_messages")].toInt(), 3);
        QCOMPARE(t[QStringLiteral("errors")].toInt(), 1);
        QCOMPARE(t[QStringLiteral("malformed")].toInt(), 4);
        QCOMPARE(t[QStringLiteral("ignored")].toInt(), 2);
        QCOMPARE(w[QStringLiteral("active_conversations")].toInt(), 1);  // c-90 (implicit), c-81 completed
        QCOMPARE(w[QStringLiteral("messages_per_minute")].toDouble(), 5.0);  // 5 in the first minute
        QCOMPARE(w[QStringLiteral("assistant_latency_ms")].toObject()[QStringLiteral("avg")].toDouble(), 750.0);
        QCOMPARE(w[QStringLiteral("assistant_latency_ms")].toObject()[QStringLiteral("p95")].toInt(), 1000);
        QCOMPARE(w[QStringLiteral("success_rate")].toDouble(), 2.0 / 3.0);
        QCOMPARE(w[QStringLiteral("satisfaction")].toObject()[QStringLiteral("count")].toInt(), 1);
        QCOMPARE(w[QStringLiteral("satisfaction")].toObject()[QStringLiteral("avg")].toDouble(), 4.0);
        QCOMPARE(w[QStringLiteral("resolution_rate")].toDouble(), 1.0);
        const QJsonArray intents = w[QStringLiteral("top_intents")].toArray();
        QCOMPARE(intents.size(), 2);
        QCOMPARE(intents[0].toObject()[QStringLiteral("intent")].toString(), QStringLiteral("login"));
        QCOMPARE(intents[0].toObject()[QStringLiteral("count")].toInt(), 2);
    }

    // A message over the cap and a text frame that is not UTF-8: Qt's WebSocket closes the
    // connection on both. Each is one malformed message, the log says what arrived (not that
    // the server closed), and the watch reconnects and goes on counting. The valid message the
    // server sent after the bad one on that connection is lost with it: 1 + 2 events.
    void hostileMessages_data()
    {
        QTest::addColumn<QStringList>("serverArgs");
        QTest::addColumn<QStringList>("watchArgs");
        QTest::addColumn<int>("events");
        QTest::addColumn<int>("malformed");
        QTest::addColumn<QString>("logged");
        QTest::newRow("2 MB over the default cap") << QStringList{"big", "2000000"} << QStringList{} << 3 << 1
                                                   << "over the 1048576-byte cap";
        QTest::newRow("2 MB under a raised cap")
            << QStringList{"big", "2000000"} << QStringList{"--max-message-bytes", "4000000"} << 3 << 0 << "";
        QTest::newRow("1 MB over a lowered cap") << QStringList{"big", "1000000"}
                                                 << QStringList{"--max-message-bytes", "65536"} << 3 << 1
                                                 << "over the 65536-byte cap";
        QTest::newRow("invalid UTF-8") << QStringList{"badutf8"} << QStringList{} << 3 << 1 << "not valid UTF-8";
    }
    void hostileMessages()
    {
        QFETCH(QStringList, serverArgs);
        QFETCH(QStringList, watchArgs);
        QFETCH(int, events);
        QFETCH(int, malformed);
        QFETCH(QString, logged);
        QProcess server;
        server.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(HOSTILE_FEED_SERVER)} + serverArgs);
        QVERIFY(server.waitForStarted() && server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("watch.jsonl"));
        QProcess cli;
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  QStringList{QStringLiteral("chat"), QStringLiteral("watch"), QStringLiteral("--url"),
                              QStringLiteral("ws://127.0.0.1:%1/ws/monitor").arg(port), QStringLiteral("--log-json"),
                              log, QStringLiteral("--until-idle"), QStringLiteral("3"), QStringLiteral("--max-seconds"),
                              QStringLiteral("30")}
                      + watchArgs);
        QVERIFY(cli.waitForFinished(40000));
        server.kill();
        server.waitForFinished();
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonObject t = json[QStringLiteral("totals")].toObject();
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        const QByteArray lines = logFile.readAll();
        QCOMPARE(json[QStringLiteral("connected")].toBool(), true);
        QVERIFY2(t[QStringLiteral("events")].toInt() == events, lines.constData());
        QCOMPARE(t[QStringLiteral("malformed")].toInt(), malformed);
        if (malformed > 0) {
            QVERIFY2(lines.contains(logged.toUtf8()) && lines.contains("reconnecting"), lines.constData());
            QVERIFY2(!lines.contains("closed by the server"), lines.constData());
        } else {
            QVERIFY2(!lines.contains("reconnecting"), lines.constData());
        }
    }

    void wrongTokenIsNotASilentSuccess()
    {
        QProcess server;
        server.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CHAT_FEED_SERVER), QStringLiteral("py-token")});
        QVERIFY(server.waitForStarted() && server.waitForReadyRead(10000));
        const int port = server.readLine().trimmed().toInt();
        QProcess cli;
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  {QStringLiteral("chat"), QStringLiteral("watch"), QStringLiteral("--url"),
                   QStringLiteral("ws://127.0.0.1:%1/ws/monitor").arg(port), QStringLiteral("--token-stdin"),
                   QStringLiteral("--until-idle"), QStringLiteral("1"), QStringLiteral("--max-seconds"),
                   QStringLiteral("5")});
        cli.write("wrong\n");
        cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(20000));
        server.kill();
        server.waitForFinished();
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(cli.exitCode(), 4);
        QCOMPARE(json[QStringLiteral("connected")].toBool(true), false);
        QVERIFY2(json[QStringLiteral("error")].toString().contains(QStringLiteral("token")),
                 qPrintable(json[QStringLiteral("error")].toString()));
        QCOMPARE(json[QStringLiteral("totals")].toObject()[QStringLiteral("events")].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestChatPython)
#include "tst_chatpython.moc"

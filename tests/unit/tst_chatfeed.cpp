#include "tests/support/TestFeedServer.h"

#include "core/chat/ChatFeedClient.h"
#include "core/chat/ChatWatch.h"

#include <QDir>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

// After protocolExample(): one frame of each malformed kind and an unknown type.
const char *kBadFrames[] = {
    "{{{ not json",
    "{'type':'message','conversation_id':'c-81','role':'user','ts':'TS'}",
    "{'type':'satisfaction','conversation_id':'c-81','rating':'5','ts':'TS'}",
    "{'type':'message','conversation_id':'c-81','role':'robot','content':'x','ts':'TS'}",
    "{'type':'typing','conversation_id':'c-81','ts':'TS'}",
};

}  // namespace

class TestChatFeed : public QObject {
    Q_OBJECT
private slots:
    void everyFrameKindOverTheWire()
    {
        FeedServer server;
        QVERIFY(server.listen());
        ChatFeedClient client;
        ChatFeedOptions options;
        options.url = server.url();
        options.token = QStringLiteral("s3cret");
        client.start(options);
        QTRY_COMPARE(client.state(), ChatFeedClient::State::Connected);
        QTRY_COMPARE(server.clients.size(), 1);
        QCOMPARE(server.authorization, QByteArray("Bearer s3cret"));
        for (const QString &f : protocolExample(12345))
            server.send(f);
        for (const char *f : kBadFrames)
            server.send(frame(f));
        server.clients.first()->sendBinaryMessage(QByteArray("\x00\x01", 2));
        QTRY_COMPARE(client.withMetrics([](ChatMetrics &m) { return m.totals().ignored; }), 2);
        const QJsonObject json = client.withMetrics([](ChatMetrics &m) {
            return chatMetricsJson(true, m.totals(), m.window(QDateTime::currentMSecsSinceEpoch()));
        });
        const QJsonObject totals = json[QStringLiteral("totals")].toObject();
        QCOMPARE(totals[QStringLiteral("events")].toInt(), 9);
        QCOMPARE(totals[QStringLiteral("messages")].toInt(), 4);
        QCOMPARE(totals[QStringLiteral("assistant_messages")].toInt(), 2);
        QCOMPARE(totals[QStringLiteral("errors")].toInt(), 1);
        QCOMPARE(totals[QStringLiteral("malformed")].toInt(), 4);
        QCOMPARE(totals[QStringLiteral("ignored")].toInt(), 2);
        const QJsonObject window = json[QStringLiteral("window")].toObject();
        QCOMPARE(window[QStringLiteral("active_conversations")].toInt(), 1);  // c-90, implicit
        QCOMPARE(window[QStringLiteral("success_rate")].toDouble(), 0.5);
        QCOMPARE(window[QStringLiteral("resolution_rate")].toDouble(), 0.0);
        QCOMPARE(window[QStringLiteral("assistant_latency_ms")].toObject()[QStringLiteral("avg")].toDouble(), 625.0);
        QCOMPARE(window[QStringLiteral("assistant_latency_ms")].toObject()[QStringLiteral("p95")].toInt(), 850);
        QCOMPARE(client.state(), ChatFeedClient::State::Connected);  // garbage never drops the connection
        const auto lines = client.withMetrics([](ChatMetrics &m) { return m.transcript(QStringLiteral("c-81")); });
        QCOMPARE(lines.at(1).telemetryId.value_or(-1), 12345);
    }

    void reconnectsAfterServerDrop()
    {
        FeedServer server;
        QVERIFY(server.listen());
        QList<ChatFeedClient::State> states;
        ChatFeedClient client;
        connect(&client, &ChatFeedClient::stateChanged, this, [&](ChatFeedClient::State s) { states << s; });
        ChatFeedOptions options;
        options.url = server.url();
        client.start(options);
        QTRY_COMPARE(server.clients.size(), 1);
        server.send(protocolExample(12345).at(0));
        QTRY_COMPARE(client.withMetrics([](ChatMetrics &m) { return m.totals().events; }), 1);
        server.drop();
        QTRY_COMPARE(client.state(), ChatFeedClient::State::WaitingToReconnect);
        QVERIFY(client.stateDetail().contains(QStringLiteral("retrying")));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatFeedClient::State::Connected, 5000);
        QTRY_COMPARE(server.clients.size(), 1);
        QCOMPARE(server.connections, 2);
        server.send(protocolExample(12345).at(1));
        // Totals are since the user connected, across automatic reconnects.
        QTRY_COMPARE(client.withMetrics([](ChatMetrics &m) { return m.totals().events; }), 2);
        QVERIFY(states.contains(ChatFeedClient::State::WaitingToReconnect));
    }

    void closeFrameDecidesRetryOrRefusal_data()
    {
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<bool>("refused");
        QTest::newRow("policy violated: the token") << int(QWebSocketProtocol::CloseCodePolicyViolated) << true;
        QTest::newRow("going away: a restart") << int(QWebSocketProtocol::CloseCodeGoingAway) << false;
        QTest::newRow("normal") << int(QWebSocketProtocol::CloseCodeNormal) << false;
    }

    void closeFrameDecidesRetryOrRefusal()
    {
        QFETCH(int, closeCode);
        QFETCH(bool, refused);
        FeedServer server;
        QVERIFY(server.listen());
        ChatFeedClient client;
        ChatFeedOptions options;
        options.url = server.url();
        options.token = QStringLiteral("wrong");
        options.initialBackoffMs = 100;  // a retry, if one is made, comes well within the waits below
        client.start(options);
        QTRY_COMPARE(server.clients.size(), 1);
        server.clients.first()->close(static_cast<QWebSocketProtocol::CloseCode>(closeCode),
                                      QStringLiteral("bad bearer token"));
        if (refused) {
            QTRY_COMPARE(client.state(), ChatFeedClient::State::Refused);
            QCOMPARE(client.refusalCode(), ErrorCode::Unavailable);
            QVERIFY2(client.stateDetail().contains(QStringLiteral("bad bearer token")),
                     qPrintable(client.stateDetail()));
            // A witness dropped after the refusal, with a longer backoff, reconnects: a retry of
            // the refused client would have come before it.
            FeedServer witnessServer;
            QVERIFY(witnessServer.listen());
            ChatFeedClient witness;
            ChatFeedOptions witnessOptions;
            witnessOptions.url = witnessServer.url();
            witnessOptions.initialBackoffMs = 300;
            witness.start(witnessOptions);
            QTRY_COMPARE(witnessServer.clients.size(), 1);
            witnessServer.clients.first()->close(QWebSocketProtocol::CloseCodeGoingAway);
            QTRY_COMPARE_WITH_TIMEOUT(witnessServer.connections, 2, 30000);
            QCOMPARE(server.connections, 1);
            QCOMPARE(client.state(), ChatFeedClient::State::Refused);
        } else {
            QTRY_COMPARE(server.connections, 2);
            QTRY_COMPARE(client.state(), ChatFeedClient::State::Connected);
        }
    }

    void backoffDoublesToSixtySecondsWithJitter()
    {
        const int expected[] = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int n = 1; n <= 8; ++n) {
            QCOMPARE(ChatFeedClient::backoffMs(n, 1000, 60000, 0.5), expected[n - 1]);
            QVERIFY(ChatFeedClient::backoffMs(n, 1000, 60000, 0.0) >= expected[n - 1] * 0.8 - 1);
            QVERIFY(ChatFeedClient::backoffMs(n, 1000, 60000, 1.0) <= std::min(60000.0, expected[n - 1] * 1.2));
        }
    }

    void plainWsOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowInsecure");
        QTest::addColumn<bool>("ok");
        QTest::newRow("ws loopback") << "ws://127.0.0.1:9000/ws" << false << true;
        QTest::newRow("ws localhost") << "ws://localhost/ws" << false << true;
        QTest::newRow("ws ipv6 loopback") << "ws://[::1]:9000/ws" << false << true;
        QTest::newRow("ws remote") << "ws://chat.example/ws" << false << false;
        QTest::newRow("ws remote confirmed") << "ws://chat.example/ws" << true << true;
        QTest::newRow("wss remote") << "wss://chat.example/ws/monitor" << false << true;
        QTest::newRow("http") << "http://chat.example/ws" << false << false;
        QTest::newRow("no host") << "ws:///ws" << false << false;
    }
    void plainWsOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowInsecure);
        QFETCH(bool, ok);
        QCOMPARE(validateChatFeedUrl(QUrl(url), allowInsecure).ok(), ok);
        if (!ok) {
            ChatFeedClient client;
            ChatFeedOptions options;
            options.url = QUrl(url);
            options.allowInsecureRemote = allowInsecure;
            client.start(options);
            QCOMPARE(client.state(), ChatFeedClient::State::Refused);
            QVERIFY(!client.stateDetail().isEmpty());
        }
    }

    void tlsCertificateErrorIsReported()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k.pem")), cert = dir.filePath(QStringLiteral("c.pem"));
        const int rc = QProcess::execute(QStringLiteral("openssl"),
                                         {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                                          QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
                                          QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        if (rc != 0)
            QSKIP("openssl is not available to make a self-signed certificate");
        FeedServer server(QWebSocketServer::SecureMode);
        QSslConfiguration ssl;
        QFile k(key), c(cert);
        QVERIFY(k.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
        ssl.setPrivateKey(QSslKey(&k, QSsl::Rsa));
        ssl.setLocalCertificate(QSslCertificate(&c));
        server.server.setSslConfiguration(ssl);
        QVERIFY(server.listen());
        ChatFeedClient client;
        ChatFeedOptions options;
        options.url = server.url("wss");
        client.start(options);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), ChatFeedClient::State::WaitingToReconnect, 10000);
        QVERIFY2(client.stateDetail().contains(QStringLiteral("TLS")), qPrintable(client.stateDetail()));
        QVERIFY(!client.everConnected());
        QCOMPARE(server.clients.size(), 0);
    }

    // ChatWatch: why a watch ended, typed, and the exit code CLI.md gives it.
    void watchEndsWhenIdle()
    {
        FeedServer server;
        QVERIFY(server.listen());
        ChatWatchOptions options;
        options.feed.url = server.url();
        options.untilIdleSeconds = 0.5;
        options.maxSeconds = 20;
        ChatWatch watch(options);
        QSignalSpy finished(&watch, &ChatWatch::finished);
        watch.start();
        QTRY_COMPARE(server.clients.size(), 1);
        for (const QString &f : protocolExample(12345))
            server.send(f);
        QVERIFY(finished.wait(10000));
        const ChatWatchResult r = watch.result();
        QCOMPARE(r.end, ChatWatchEnd::Idle);
        QCOMPARE(r.failure, ChatWatchFailure::None);
        QCOMPARE(r.events, 9);
        QCOMPARE(r.exitCode(), 0);
        QCOMPARE(r.metrics[QStringLiteral("connected")].toBool(), true);
        QVERIFY(!r.metrics.contains(QStringLiteral("error")));
    }

    void watchEndsAtMaxSecondsWhileConnected()
    {
        FeedServer server;
        QVERIFY(server.listen());
        ChatWatchOptions options;
        options.feed.url = server.url();
        options.maxSeconds = 0.5;
        QElapsedTimer clock;
        clock.start();
        const ChatWatchResult r = ChatWatch(options).run();
        QVERIFY(clock.elapsed() >= 450);
        QCOMPARE(r.end, ChatWatchEnd::MaxSeconds);
        QCOMPARE(r.failure, ChatWatchFailure::None);
        QCOMPARE(r.exitCode(), 0);  // connected: an empty feed is still a working watch
    }

    void watchUnreachableEndsAtOnce()
    {
        QTcpServer probe;  // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        ChatWatchOptions options;
        options.feed.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port));
        options.maxSeconds = 20;
        QElapsedTimer clock;
        clock.start();
        const ChatWatchResult r = ChatWatch(options).run();
        QVERIFY(clock.elapsed() < 10000);
        QCOMPARE(r.end, ChatWatchEnd::Unreachable);
        QCOMPARE(r.failure, ChatWatchFailure::Unreachable);
        QCOMPARE(r.exitCode(), 4);
        QVERIFY(!r.reason.isEmpty());
        QVERIFY2(!r.reason.contains(QStringLiteral("retrying")), qPrintable(r.reason));
        QCOMPARE(r.metrics[QStringLiteral("error")].toString(), r.reason);
    }

    void watchDroppedAndRetrying_data()
    {
        QTest::addColumn<bool>("eventsFirst");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("after events: the watch worked") << true << 0;
        QTest::newRow("before any event: nothing was watched") << false << 4;
    }
    void watchDroppedAndRetrying()
    {
        QFETCH(bool, eventsFirst);
        QFETCH(int, exitCode);
        FeedServer server;
        QVERIFY(server.listen());
        ChatWatchOptions options;
        options.feed.url = server.url();
        options.maxSeconds = 2;
        ChatWatch watch(options);
        QSignalSpy finished(&watch, &ChatWatch::finished);
        watch.start();
        QTRY_COMPARE(server.clients.size(), 1);
        // The server counts the client at its handshake; the client knows it is connected a little
        // later, and a drop before that is an unreachable feed, not a dropped one.
        QTRY_VERIFY(watch.everConnected());
        if (eventsFirst) {
            server.send(protocolExample(12345).at(0));
            QTest::qWait(200);
        }
        server.drop();
        server.server.close();  // nobody listens for the retries
        QVERIFY(finished.wait(10000));
        const ChatWatchResult r = watch.result();
        QCOMPARE(r.end, ChatWatchEnd::MaxSeconds);
        QCOMPARE(r.failure, ChatWatchFailure::DroppedRetrying);
        QCOMPARE(r.events, eventsFirst ? 1 : 0);
        QCOMPARE(r.exitCode(), exitCode);
        QVERIFY(!r.reason.isEmpty());
        QVERIFY2(!r.reason.contains(QStringLiteral("retrying")), qPrintable(r.reason));
        QCOMPARE(r.metrics[QStringLiteral("connected")].toBool(true), false);
    }

    void watchRefusedTokenEndsAtOnce()
    {
        FeedServer server;
        QVERIFY(server.listen());
        ChatWatchOptions options;
        options.feed.url = server.url();
        options.feed.token = QStringLiteral("wrong");
        options.maxSeconds = 20;
        ChatWatch watch(options);
        QSignalSpy finished(&watch, &ChatWatch::finished);
        watch.start();
        QTRY_COMPARE(server.clients.size(), 1);
        server.clients.first()->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("bad token"));
        QVERIFY(finished.wait(10000));
        const ChatWatchResult r = watch.result();
        QCOMPARE(r.end, ChatWatchEnd::Refused);
        QCOMPARE(r.failure, ChatWatchFailure::RefusedToken);
        QCOMPARE(r.exitCode(), 4);
        QCOMPARE(server.connections, 1);  // never retried
    }

    void watchStoppedKeepsTheMetrics()
    {
        FeedServer server;
        QVERIFY(server.listen());
        ChatWatchOptions options;
        options.feed.url = server.url();
        ChatWatch watch(options);
        watch.start();
        QTRY_COMPARE(server.clients.size(), 1);
        server.send(protocolExample(12345).at(0));
        QTest::qWait(200);
        QVERIFY(!watch.isFinished());
        watch.stop();
        QVERIFY(watch.isFinished());
        QCOMPARE(watch.result().end, ChatWatchEnd::Stopped);
        QCOMPARE(watch.result().events, 1);
        QCOMPARE(watch.result().exitCode(), 0);
    }

    void cliWatchExitsWhenIdle()
    {
        FeedServer server;
        QVERIFY(server.listen());
        QProcess cli;
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  {QStringLiteral("chat"), QStringLiteral("watch"), QStringLiteral("--url"), server.url().toString(),
                   QStringLiteral("--token-stdin"), QStringLiteral("--until-idle"), QStringLiteral("1"),
                   QStringLiteral("--window"), QStringLiteral("60")});
        cli.write("tok-1\n");
        cli.closeWriteChannel();
        QTRY_COMPARE_WITH_TIMEOUT(server.clients.size(), 1, 10000);
        QCOMPARE(server.authorization, QByteArray("Bearer tok-1"));
        QElapsedTimer sent;
        sent.start();
        for (const QString &f : protocolExample(12345))
            server.send(f);
        for (const char *f : kBadFrames)
            server.send(frame(f));
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 15000);
        QVERIFY(sent.elapsed() >= 900);  // it waited for the idle second
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(json[QStringLiteral("connected")].toBool(), true);
        QCOMPARE(json[QStringLiteral("window_seconds")].toInt(), 60);
        QCOMPARE(json[QStringLiteral("totals")].toObject()[QStringLiteral("events")].toInt(), 9);
        QCOMPARE(json[QStringLiteral("totals")].toObject()[QStringLiteral("malformed")].toInt(), 4);
        QCOMPARE(json[QStringLiteral("window")].toObject()[QStringLiteral("messages_per_minute")].toDouble(), 4.0);
    }

    void cliReportsUnreachableFeed()
    {
        QTcpServer probe;  // a port that was free a moment ago and has no listener now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess cli;
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  {QStringLiteral("chat"), QStringLiteral("watch"), QStringLiteral("--url"),
                   QStringLiteral("ws://127.0.0.1:%1/ws").arg(port), QStringLiteral("--max-seconds"),
                   QStringLiteral("20")});
        QVERIFY(cli.waitForFinished(15000));
        QCOMPARE(cli.exitCode(), 4);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(json[QStringLiteral("connected")].toBool(true), false);
        QVERIFY(!json[QStringLiteral("error")].toString().isEmpty());
        QVERIFY(cli.readAllStandardError().contains("unreachable"));
    }
};

QTEST_GUILESS_MAIN(TestChatFeed)
#include "tst_chatfeed.moc"

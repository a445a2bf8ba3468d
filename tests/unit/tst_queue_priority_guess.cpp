#include "core/queue/QueuePriorityGuess.h"
#include "core/telemetry/Decision.h"

#include <QJsonDocument>
#include <QtTest>

using namespace atalaya;

// What the client may decide about a new row's priority under the default rules, and what
// it must leave to MariaDB's collation and JSON_VALUE (kUnknown). tst_queue_counts holds the
// result to the server's SQL through `record --jsonl`.
class TestQueuePriorityGuess : public QObject {
    Q_OBJECT
private slots:
    void priorityOf_data()
    {
        QTest::addColumn<QString>("taskType");
        QTest::addColumn<int>("confidenceE4");
        QTest::addColumn<QByteArray>("decision");
        QTest::addColumn<QByteArray>("metadata");
        QTest::addColumn<int>("expected");
        const int unknown = QueuePriorityGuess::kUnknown;
        QTest::newRow("confidence 0.6999 → P0") << "chat_response" << 6999 << QByteArray("{}") << QByteArray("{}") << 0;
        QTest::newRow("confidence 0.70 → P1") << "chat_response" << 7000 << QByteArray("{}") << QByteArray("{}") << 1;
        QTest::newRow("confidence 0.8499 → P1") << "chat_response" << 8499 << QByteArray("{}") << QByteArray("{}") << 1;
        QTest::newRow("confidence 0.85 → P2") << "chat_response" << 8500 << QByteArray("{}") << QByteArray("{}") << 2;
        QTest::newRow("confidence 0.95 → P2") << "chat_response" << 9500 << QByteArray("{}") << QByteArray("{}") << 2;
        QTest::newRow("confidence 0.9501 → P3") << "chat_response" << 9501 << QByteArray("{}") << QByteArray("{}") << 3;
        QTest::newRow("task deployment_risk") << "deployment_risk" << 9900 << QByteArray("{}") << QByteArray("{}") << 0;
        QTest::newRow("task Deployment_Risk: collation")
            << "Deployment_Risk" << 9900 << QByteArray("{}") << QByteArray("{}") << unknown;
        QTest::newRow("task 'code_review ': pad space")
            << "code_review " << 9900 << QByteArray("{}") << QByteArray("{}") << unknown;
        QTest::newRow("task non-ASCII") << "códe_review" << 9900 << QByteArray("{}") << QByteArray("{}") << unknown;
        QTest::newRow("task unrelated") << "chat_response" << 9900 << QByteArray("{}") << QByteArray("{}") << 3;
        QTest::newRow("code_review beats P3") << "code_review" << 9900 << QByteArray("{}") << QByteArray("{}") << 2;
        QTest::newRow("production deploy")
            << "deploy" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":"production"})") << 0;
        QTest::newRow("Production deploy: collation")
            << "deploy" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":"Production"})") << unknown;
        QTest::newRow("production, not a deploy task")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":"production"})") << 3;
        QTest::newRow("staging deploy") << "deploy" << 9900 << QByteArray("{}")
                                        << QByteArray(R"({"environment":"staging"})") << 3;
        QTest::newRow("environment a number")
            << "deploy" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":7})") << 3;
        QTest::newRow("environment null")
            << "deploy" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":null})") << unknown;
        QTest::newRow("environment an object")
            << "deploy" << 9900 << QByteArray("{}") << QByteArray(R"({"environment":{"a":1}})") << unknown;
        QTest::newRow("rollback action") << "chat_response" << 9900 << QByteArray(R"({"action":"rollback"})")
                                         << QByteArray("{}") << 0;
        QTest::newRow("ROLLBACK action: collation")
            << "chat_response" << 9900 << QByteArray(R"({"action":"ROLLBACK"})") << QByteArray("{}") << unknown;
        QTest::newRow("approve action") << "chat_response" << 9900 << QByteArray(R"({"action":"approve"})")
                                        << QByteArray("{}") << 3;
        QTest::newRow("critical true") << "chat_response" << 9900 << QByteArray("{}")
                                       << QByteArray(R"({"critical":true})") << 1;
        QTest::newRow("critical \"true\": not a boolean")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"critical":"true"})") << 3;
        QTest::newRow("critical 1: not a boolean")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"critical":1})") << 3;
        QTest::newRow("teams_affected 2")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"teams_affected":2})") << 1;
        QTest::newRow("teams_affected 1")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"teams_affected":1})") << 3;
        QTest::newRow("teams_affected \"5\": text")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"teams_affected":"5"})") << 3;
        QTest::newRow("teams_affected beyond 2^53")
            << "chat_response" << 9900 << QByteArray("{}") << QByteArray(R"({"teams_affected":1e300})") << unknown;
        QTest::newRow("critical severity review")
            << "code_review" << 9900 << QByteArray("{}") << QByteArray(R"({"severity":"critical"})") << 1;
        QTest::newRow("unknown in P0 hides a P1 match")
            << "Rollback_Decision" << 7500 << QByteArray("{}") << QByteArray("{}") << unknown;
        QTest::newRow("a certain P0 match wins over an unknown one")
            << "Rollback_Decision" << 5000 << QByteArray("{}") << QByteArray("{}") << 0;
        QTest::newRow("Deploy in production: collation")
            << "Deploy" << 9500 << QByteArray("{}") << QByteArray(R"({"environment":"production"})") << unknown;
        QTest::newRow("Deploy elsewhere: certainly P2")
            << "Deploy" << 9500 << QByteArray("{}") << QByteArray(R"({"environment":"staging"})") << 2;
    }

    void priorityOf()
    {
        QFETCH(QString, taskType);
        QFETCH(int, confidenceE4);
        QFETCH(QByteArray, decision);
        QFETCH(QByteArray, metadata);
        QFETCH(int, expected);
        DecisionInput d;
        d.taskType = taskType;
        d.decision = QJsonDocument::fromJson(decision).object();
        d.metadata = QJsonDocument::fromJson(metadata).object();
        const QueuePriorityGuess guess(ReviewRules::defaults());
        QVERIFY(guess.active());
        QCOMPARE(guess.priorityOf(d, confidenceE4), expected);
    }

    void nothingMatches()
    {
        ReviewRules rules = ReviewRules::defaults();
        rules.priority(Priority::P3).rules.clear();
        DecisionInput d;
        d.taskType = QStringLiteral("chat_response");
        QCOMPARE(QueuePriorityGuess(rules).priorityOf(d, 9900), QueuePriorityGuess::kNone);
    }

    // P3 outside the stable sample is coded apart, as the triggers' SQL does.
    void sampleCodes()
    {
        const QueuePriorityGuess guess(ReviewRules::defaults());
        int inSample = 0;
        for (qint64 id = 1; id <= 1000; ++id) {
            const int code = guess.codeOf(3, id);
            QCOMPARE(code, ReviewRules::sampleBucket(id) < 10 ? 3 : 3 + kPriorityCount);
            inSample += code == 3;
        }
        QVERIFY(inSample > 50 && inSample < 150);
        QCOMPARE(guess.codeOf(1, 12345), 1);
    }
};

QTEST_GUILESS_MAIN(TestQueuePriorityGuess)
#include "tst_queue_priority_guess.moc"

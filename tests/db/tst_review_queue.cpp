#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/dashboard/DashboardData.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/queue/QueueJson.h"
#include "core/queue/ReviewQueue.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace atalaya;

// Every rule edge of docs/REVIEW_QUEUE.md, classified by the SQL of the queue AND by the C++
// rules, on SQLite and on MariaDB: both must give the same priority and reason.
class TestReviewQueue : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QString m_url;
    QString m_password;
    int m_row = 0;

    qint64 insert(const QString &agent, const QString &task, double confidence, const QJsonObject &decision,
                  const QJsonObject &metadata, const QDateTime &at = {})
    {
        DecisionInput d;
        d.agentId = agent;
        d.taskType = task;
        d.confidence = confidence;
        d.decision = decision.isEmpty() ? QJsonObject{{QStringLiteral("action"), QStringLiteral("approve")}} : decision;
        d.metadata = metadata;
        d.executionTimeMs = 120;
        d.createdAt = at.isValid() ? at : QDateTime::currentDateTimeUtc().addSecs(-600);
        auto r = DecisionRecorder(m_db).record(d);
        if (!r)
            qWarning("insert failed: %s", qPrintable(r.error().message));
        return r ? r->id : 0;
    }

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_url = fresh.url;
        m_password = fresh.password;
    }

    void ruleEdges_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<double>("confidence");
        QTest::addColumn<QByteArray>("decision");
        QTest::addColumn<QByteArray>("metadata");
        QTest::addColumn<QString>("priority");  // "" = not queued
        QTest::addColumn<QString>("reason");

        const QByteArray none = "{}";
        QTest::newRow("conf 0.6999") << "chat_response" << 0.6999 << none << none << "P0"
                                     << "confidence 0.6999 < 0.70";
        QTest::newRow("conf 0.70") << "chat_response" << 0.70 << none << none << "P1"
                                   << "confidence 0.70 in [0.70, 0.85)";
        QTest::newRow("conf 0.8499") << "chat_response" << 0.8499 << none << none << "P1"
                                     << "confidence 0.8499 in [0.70, 0.85)";
        QTest::newRow("conf 0.85") << "chat_response" << 0.85 << none << none << "P2"
                                   << "confidence 0.85 in [0.85, 0.95]";
        QTest::newRow("conf 0.95") << "chat_response" << 0.95 << none << none << "P2"
                                   << "confidence 0.95 in [0.85, 0.95]";
        QTest::newRow("conf 0.9501") << "chat_response" << 0.9501 << none << none << "P3"
                                     << "confidence 0.9501 > 0.95";
        QTest::newRow("conf 0.0") << "chat_response" << 0.0 << none << none << "P0"
                                  << "confidence 0.00 < 0.70";
        QTest::newRow("conf 1.0") << "chat_response" << 1.0 << none << none << "P3"
                                  << "confidence 1.00 > 0.95";
        QTest::newRow("task deployment_risk") << "deployment_risk" << 0.99 << none << none << "P0"
                                              << "deployment/rollback task (deployment_risk)";
        QTest::newRow("task rollback_decision") << "rollback_decision" << 0.99 << none << none << "P0"
                                                << "deployment/rollback task (rollback_decision)";
        QTest::newRow("deploy task in production")
            << "deployment" << 0.99 << none << QByteArray("{\"environment\":\"production\"}") << "P0"
            << "production deployment";
        QTest::newRow("deploy task in staging")
            << "deployment" << 0.99 << none << QByteArray("{\"environment\":\"staging\"}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("production, not a deploy task")
            << "chat_response" << 0.99 << none << QByteArray("{\"environment\":\"production\"}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("action rollback") << "incident_summary" << 0.99 << QByteArray("{\"action\":\"rollback\"}")
                                         << none << "P0"
                                         << "rollback decision";
        QTest::newRow("action hold") << "incident_summary" << 0.99 << QByteArray("{\"action\":\"hold\"}") << none
                                     << "P3"
                                     << "confidence 0.99 > 0.95";
        QTest::newRow("action not a string")
            << "incident_summary" << 0.99 << QByteArray("{\"action\":{\"type\":\"rollback\"}}") << none << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("critical true") << "chat_response" << 0.99 << none << QByteArray("{\"critical\":true}") << "P1"
                                       << "marked critical";
        QTest::newRow("critical false") << "chat_response" << 0.99 << none << QByteArray("{\"critical\":false}") << "P3"
                                        << "confidence 0.99 > 0.95";
        QTest::newRow("critical \"true\" string")
            << "chat_response" << 0.99 << none << QByteArray("{\"critical\":\"true\"}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("teams_affected 2")
            << "chat_response" << 0.99 << none << QByteArray("{\"teams_affected\":2}") << "P1"
            << "affects 2 teams";
        QTest::newRow("teams_affected 1")
            << "chat_response" << 0.99 << none << QByteArray("{\"teams_affected\":1}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("teams_affected \"3\" string")
            << "chat_response" << 0.99 << none << QByteArray("{\"teams_affected\":\"3\"}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("code review severity critical")
            << "code_review" << 0.99 << none << QByteArray("{\"severity\":\"critical\"}") << "P1"
            << "critical code review";
        QTest::newRow("severity critical, not a code review")
            << "chat_response" << 0.99 << none << QByteArray("{\"severity\":\"critical\"}") << "P3"
            << "confidence 0.99 > 0.95";
        QTest::newRow("task code_review") << "code_review" << 0.99 << none << none << "P2"
                                          << "routine code_review";
        QTest::newRow("task performance_analysis") << "performance_analysis" << 0.99 << none << none << "P2"
                                                   << "routine performance_analysis";
        QTest::newRow("task optimization") << "optimization" << 0.99 << none << none << "P2"
                                           << "routine optimization";
        QTest::newRow("highest priority wins")
            << "code_review" << 0.60 << none << QByteArray("{\"critical\":true}") << "P0"
            << "confidence 0.60 < 0.70";
        QTest::newRow("every P0 reason listed") << "rollback_decision" << 0.5 << QByteArray("{\"action\":\"rollback\"}")
                                                << QByteArray("{\"environment\":\"production\"}") << "P0"
                                                << "deployment/rollback task (rollback_decision); production "
                                                   "deployment; rollback decision; confidence 0.50 < 0.70";
    }

    void ruleEdges()
    {
        QFETCH(QString, task);
        QFETCH(double, confidence);
        QFETCH(QByteArray, decision);
        QFETCH(QByteArray, metadata);
        QFETCH(QString, priority);
        QFETCH(QString, reason);
        const QString agent = QStringLiteral("edge-%1").arg(++m_row);
        const qint64 id = insert(agent, task, confidence, QJsonDocument::fromJson(decision).object(),
                                 QJsonDocument::fromJson(metadata).object());
        QVERIFY(id > 0);

        const ReviewRules rules = ReviewRules::defaults();
        const auto match = rules.classify({id, task, confidence, QJsonDocument::fromJson(decision).object(),
                                           QJsonDocument::fromJson(metadata).object()});
        QVERIFY(match);
        QCOMPARE(priorityName(match->priority), priority);
        QCOMPARE(match->reason, reason);

        QueueFilter filter;
        filter.agentId = agent;
        filter.includeAllP3 = true;
        auto items = ReviewQueue(m_db, rules).items(filter);
        QVERIFY2(items.ok(), qPrintable(items.ok() ? QString() : items.error().message));
        QCOMPARE(items->size(), size_t(1));
        QCOMPARE(items->front().id, id);
        QCOMPARE(priorityName(items->front().priority), priority);
        QCOMPARE(items->front().reason, reason);

        auto counts = ReviewQueue(m_db, rules).counts(filter, QDateTime::currentDateTimeUtc());
        QVERIFY(counts.ok());
        QCOMPARE(counts->all(), qint64(1));
        QCOMPARE(counts->total[static_cast<size_t>(*priorityFromString(priority))], qint64(1));
    }

    void malformedJsonFromAnotherWriterDoesNotBreakTheQueue()
    {
        const qint64 id = insert(QStringLiteral("bad-json"), QStringLiteral("chat_response"), 0.9, {}, {});
        if (!m_db->dialect().isMySql())
            QVERIFY(execStatement(*m_db, QStringLiteral("UPDATE ai_telemetry SET metadata = ? WHERE id = ?"),
                                  {QStringLiteral("{not json"), id}, QStringLiteral("corrupting"))
                        .ok());
        QueueFilter filter;
        filter.agentId = QStringLiteral("bad-json");
        auto items = ReviewQueue(m_db, ReviewRules::defaults()).items(filter);
        QVERIFY2(items.ok(), qPrintable(items.ok() ? QString() : items.error().message));
        QCOMPARE(items->size(), size_t(1));
        QCOMPARE(items->front().priority, Priority::P2);
    }

    void p3SampleIsStableAndTheSameInSqlAndCpp()
    {
        QCOMPARE(ReviewRules::sampleBucket(1), 64);
        QCOMPARE(ReviewRules::sampleBucket(2147483647), ReviewRules::sampleBucket(2147483647));
        std::vector<DecisionInput> rows;
        for (int i = 0; i < 400; ++i) {
            DecisionInput d;
            d.agentId = QStringLiteral("p3-sample");
            d.taskType = QStringLiteral("chat_response");
            d.confidence = 0.99;
            d.decision = {{QStringLiteral("action"), QStringLiteral("reply")}};
            d.executionTimeMs = 10;
            d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-i);
            rows.push_back(d);
        }
        auto batch = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY(batch.ok());
        QueueFilter filter;
        filter.agentId = QStringLiteral("p3-sample");
        filter.limit = 1000;
        auto sampled = ReviewQueue(m_db, ReviewRules::defaults()).items(filter);
        QVERIFY(sampled.ok());
        QSet<qint64> expected;
        for (qint64 id = batch->firstId; id <= batch->lastId; ++id) {
            if (ReviewRules::sampleBucket(id) < 10)
                expected.insert(id);
        }
        QSet<qint64> got;
        for (const QueueItem &item : *sampled)
            got.insert(item.id);
        QCOMPARE(got, expected);
        QVERIFY2(got.size() >= 20 && got.size() <= 60, qPrintable(QString::number(got.size())));
        filter.includeAllP3 = true;
        auto all = ReviewQueue(m_db, ReviewRules::defaults()).items(filter);
        QCOMPARE(all->size(), size_t(400));
    }

    // A priority may sample its matches too (sample_percent < 100 on P0): one outside the
    // sample is not queued, as classify() and the queue counts say — the list's SQL used to let
    // it fall through to P1 when a P1 rule also matched.
    void matchOutsideItsSampleDoesNotFallToALowerPriority()
    {
        ReviewRules rules = ReviewRules::defaults();
        rules.priority(Priority::P0).samplePercent = 30;
        std::vector<DecisionInput> rows;
        for (int i = 0; i < 200; ++i) {
            DecisionInput d;
            d.agentId = QStringLiteral("p0-sample");
            d.taskType = QStringLiteral("chat_response");
            d.confidence = 0.5;  // P0 (below 0.70), and the P1 rule added below (below 0.85)
            d.decision = {{QStringLiteral("action"), QStringLiteral("reply")}};
            d.executionTimeMs = 10;
            d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-i);
            rows.push_back(d);
        }
        auto batch = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY(batch.ok());
        ReviewRule p1;
        p1.kind = ReviewRule::Kind::ConfidenceBelow;
        p1.value = 0.85;
        rules.priority(Priority::P1).rules.push_back(p1);
        QueueFilter filter;
        filter.agentId = QStringLiteral("p0-sample");
        filter.limit = 1000;
        auto items = ReviewQueue(m_db, rules).items(filter);
        QVERIFY(items.ok());
        QSet<qint64> expected;
        for (qint64 id = batch->firstId; id <= batch->lastId; ++id) {
            if (ReviewRules::sampleBucket(id) < 30)
                expected.insert(id);
        }
        QSet<qint64> got;
        for (const QueueItem &item : *items) {
            QCOMPARE(item.priority, Priority::P0);
            got.insert(item.id);
        }
        QCOMPARE(got, expected);
        auto counts = ReviewQueue(m_db, rules).counts(filter, QDateTime::currentDateTimeUtc());
        QVERIFY(counts.ok());
        QCOMPARE(counts->total[0], qint64(expected.size()));
        QCOMPARE(counts->total[1], qint64(0));
        filter.includeAllP3 = true;  // every sampled-out match, at its own priority
        auto all = ReviewQueue(m_db, rules).items(filter);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), size_t(200));
        for (const QueueItem &item : *all)
            QCOMPARE(item.priority, Priority::P0);
    }

    void orderDueAndOverdue()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString agent = QStringLiteral("order");
        const qint64 p1Old = insert(agent, QStringLiteral("chat_response"), 0.80, {}, {}, now.addSecs(-30 * 3600));
        const qint64 p0New = insert(agent, QStringLiteral("chat_response"), 0.50, {}, {}, now.addSecs(-600));
        const qint64 p0Old = insert(agent, QStringLiteral("chat_response"), 0.50, {}, {}, now.addSecs(-7200));
        const qint64 p2 = insert(agent, QStringLiteral("chat_response"), 0.90, {}, {}, now.addSecs(-8 * 86400));
        const qint64 reviewed = insert(agent, QStringLiteral("chat_response"), 0.10, {}, {}, now.addSecs(-9000));
        FeedbackRequest fb;
        fb.telemetryId = reviewed;
        fb.reviewer = QStringLiteral("tester");
        QVERIFY(FeedbackRepository(m_db).record(fb).ok());

        QueueFilter filter;
        filter.agentId = agent;
        auto snap = ReviewQueue(m_db, ReviewRules::defaults()).snapshot(filter);
        QVERIFY(snap.ok());
        QList<qint64> ids;
        for (const QueueItem &i : snap->items)
            ids << i.id;
        QCOMPARE(ids, (QList<qint64>{p0Old, p0New, p1Old, p2}));
        QCOMPARE(snap->items[0].dueAt.toSecsSinceEpoch(), snap->items[0].createdAt.addSecs(3600).toSecsSinceEpoch());
        QVERIFY(snap->items[0].overdueAt(now));
        QVERIFY(!snap->items[1].overdueAt(now));
        QVERIFY(snap->items[2].overdueAt(now));
        QVERIFY(snap->items[3].overdueAt(now));
        QCOMPARE(snap->counts.total, (std::array<qint64, 4>{2, 1, 1, 0}));
        QCOMPARE(snap->counts.overdue, (std::array<qint64, 4>{1, 1, 1, 0}));

        const QJsonObject json = queueJson(*snap);
        QCOMPARE(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("P0")).toInt(), 2);
        const QJsonObject first = json.value(QStringLiteral("items")).toArray().at(0).toObject();
        for (const char *key : {"id", "agent_id", "task_type", "confidence_score", "execution_time_ms", "created_at",
                                "priority", "reason", "due_at", "overdue"})
            QVERIFY2(first.contains(QLatin1String(key)), key);

        filter.priority = Priority::P1;
        auto onlyP1 = ReviewQueue(m_db, ReviewRules::defaults()).items(filter);
        QCOMPARE(onlyP1->size(), size_t(1));
        QCOMPARE(onlyP1->front().id, p1Old);
        filter.priority.reset();
        filter.limit = 1;
        QCOMPARE(ReviewQueue(m_db, ReviewRules::defaults()).items(filter)->front().id, p0Old);
    }

    // The Overview's "Pending P0" is the queue's own P0 count (a production deployment with
    // high confidence is P0 by metadata, which a column-only count misses), per agent too.
    void overviewPendingP0IsTheQueueCount()
    {
        const QString agent = QStringLiteral("kpi");
        insert(agent, QStringLiteral("deploy"), 0.97, {},
               {{QStringLiteral("environment"), QStringLiteral("production")}});
        insert(agent, QStringLiteral("chat_response"), 0.40, {}, {});
        insert(agent, QStringLiteral("chat_response"), 0.90, {}, {});
        StatsQuery query;
        query.to = QDateTime::currentDateTimeUtc();
        query.from = query.to.addDays(-30);
        query.periodDays = 30;
        for (const QString &who : {agent, QString()}) {
            QueueFilter filter;
            filter.agentId = who;
            auto counts = ReviewQueue(m_db, ReviewRules::defaults()).counts(filter, QDateTime::currentDateTimeUtc());
            auto overview = loadOverview(m_db, query.withAgent(who));
            QVERIFY(counts.ok() && overview.ok());
            QCOMPARE(overview->pendingUrgent.value_or(-1), counts->total[0]);
        }
        auto only = loadOverview(m_db, query.withAgent(agent));
        QCOMPARE(only->pendingUrgent.value_or(-1), qint64(2));
    }

    void editedRulesReprioritiseAtOnce()
    {
        ReviewRules rules = ReviewRules::defaults();
        auto json = rules.toJson();
        auto roundTrip = ReviewRules::fromJson(json);
        QVERIFY(roundTrip.ok());
        QVERIFY(*roundTrip == rules);
        rules.priority(Priority::P0).rules.back().value = 0.9;  // confidence_below 0.70 → 0.90
        const qint64 id = insert(QStringLiteral("edited"), QStringLiteral("chat_response"), 0.88, {}, {});
        QueueFilter filter;
        filter.agentId = QStringLiteral("edited");
        auto items = ReviewQueue(m_db, rules).items(filter);
        QCOMPARE(items->front().id, id);
        QCOMPARE(items->front().priority, Priority::P0);
        QCOMPARE(items->front().reason, QStringLiteral("confidence 0.88 < 0.90"));
    }

    // The GUI in Spanish sets the default locale: the reason's numbers follow it, as the
    // Confidence column does.
    void reasonNumbersFollowTheLocale()
    {
        const qint64 id = insert(QStringLiteral("es-locale"), QStringLiteral("chat_response"), 0.4213, {}, {});
        QueueFilter filter;
        filter.agentId = QStringLiteral("es-locale");
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        auto items = ReviewQueue(m_db, ReviewRules::defaults()).items(filter);
        QLocale::setDefault(QLocale::c());
        QVERIFY(items && !items->empty());
        QCOMPARE(items->front().id, id);
        QCOMPARE(items->front().reason, QStringLiteral("confidence 0,4213 < 0,70"));
    }

    void cliShapeAndUsageErrors()
    {
        insert(QStringLiteral("cli"), QStringLiteral("chat_response"), 0.42, {}, {});
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_password);
        auto run = test::runCli({QStringLiteral("--db"), m_url, QStringLiteral("queue"), QStringLiteral("--agent"),
                                 QStringLiteral("cli"), QStringLiteral("--limit"), QStringLiteral("5")},
                                {}, env);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json().object();
        QVERIFY(json.contains(QStringLiteral("generated_at")));
        QCOMPARE(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("P0")).toInt(), 1);
        const QJsonObject item = json.value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("priority")).toString(), QStringLiteral("P0"));
        QCOMPARE(item.value(QStringLiteral("reason")).toString(), QStringLiteral("confidence 0.42 < 0.70"));
        QCOMPARE(item.value(QStringLiteral("confidence_score")).toDouble(), 0.42);

        auto bad = test::runCli({QStringLiteral("--db"), m_url, QStringLiteral("queue"), QStringLiteral("--priority"),
                                 QStringLiteral("P7")},
                                {}, env);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("P7"));
    }

    void invalidRulesAreRefusedWithTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no priorities") << QByteArray("{}") << "priorities";
        QTest::newRow("bad kind") << QByteArray(
            "{\"priorities\":{\"P0\":{\"sla_hours\":1,\"rules\":[{\"kind\":\"magic\"}]}}}")
                                  << "magic";
        QTest::newRow("confidence 1.7") << QByteArray(
            "{\"priorities\":{\"P0\":{\"sla_hours\":1,\"rules\":[{\"kind\":\"confidence_below\",\"value\":1.7}]}}}")
                                        << "[0, 1]";
        QTest::newRow("bad path") << QByteArray(
            "{\"priorities\":{\"P0\":{\"sla_hours\":1,\"rules\":[{\"kind\":\"json_equals\",\"field\":\"metadata\","
            "\"path\":\"a') OR 1=1\",\"equals\":\"x\"}]}}}")
                                  << "path";
        QTest::newRow("bad sla") << QByteArray("{\"priorities\":{\"P0\":{\"sla_hours\":-3,\"rules\":[]}}}")
                                 << "sla_hours";
    }

    void invalidRulesAreRefusedWithTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto rules = ReviewRules::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!rules.ok());
        QCOMPARE(rules.error().code, ErrorCode::Usage);
        QVERIFY2(rules.error().message.contains(mentions), qPrintable(rules.error().message));
    }
};

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_review_queue.moc"

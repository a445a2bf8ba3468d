#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/stats/StatsJson.h"
#include "core/stats/StatsService.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QtTest>

using namespace atalaya;

namespace {

DecisionInput decision(const QString &agent, const QString &task, double confidence, qint64 ms,
                       std::optional<Feedback> feedback, const QDateTime &at)
{
    return test::makeDecision(agent, task, confidence, ms, feedback, at);
}

}  // namespace

class TestStats : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QDateTime m_now;

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_now = QDateTime::currentDateTimeUtc();
        const QDateTime t = m_now.addSecs(-3600);
        // Hand-computed expectations below; one row on every bucket edge.
        std::vector<DecisionInput> rows = {
            decision("a", "x", 0.4999, 100, Feedback::Correct, t),
            decision("a", "x", 0.5, 200, Feedback::Incorrect, t),
            decision("a", "y", 0.6999, 300, std::nullopt, t),
            decision("a", "y", 0.7, 400, Feedback::PartiallyCorrect, t),
            decision("b", "x", 0.8499, 500, std::nullopt, t),
            decision("b", "x", 0.85, 600, Feedback::Correct, t),
            decision("b", "x", 0.9499, 700, std::nullopt, t),
            decision("b", "y", 0.95, 800, std::nullopt, t),
            decision("b", "y", 1.0, 900, Feedback::Correct, t),
            decision("b", "y", 0.0, 1000, std::nullopt, t),
            decision("old", "x", 0.9, 5000, Feedback::Incorrect, m_now.addDays(-40)),
        };
        auto written = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(written->inserted, qint64(11));
        // Rows another system wrote outside the seed's ranges: counted, never averaged.
        const QString insert = QStringLiteral(
            "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score, human_feedback,"
            " accuracy, execution_time_ms, metadata, created_at) VALUES (?, ?, '{}', ?, ?, ?, ?, '{}', ?)");
        QVERIFY(execStatement(*m_db, insert,
                              {"a", "x", "1.7", QVariant(QMetaType::fromType<QString>()),
                               QVariant(QMetaType::fromType<QString>()), 50, toDbDateTime(t)},
                              "dq")
                    .ok());
        QVERIFY(execStatement(*m_db, insert, {"a", "x", "0.9", "maybe", "1.0", 50, toDbDateTime(t)}, "dq").ok());
        QVERIFY(execStatement(*m_db, insert,
                              {"a", "x", "0.9", QVariant(QMetaType::fromType<QString>()),
                               QVariant(QMetaType::fromType<QString>()), -5, toDbDateTime(t)},
                              "dq")
                    .ok());
    }

    void overallWindow()
    {
        auto snap = StatsService(m_db).snapshot(*StatsQuery::lastDays(30, m_now));
        QVERIFY(snap.ok());
        const WindowSummary &s = snap->summary;
        QCOMPARE(s.accuracy.totalDecisions, qint64(10));
        QCOMPARE(s.accuracy.totalWithFeedback, qint64(5));
        QCOMPARE(s.accuracy.correct, qint64(3));
        QCOMPARE(s.accuracy.incorrect, qint64(1));
        QCOMPARE(s.accuracy.partiallyCorrect, qint64(1));
        QCOMPARE(*s.accuracy.accuracyAvg, 0.7);
        QCOMPARE(*s.accuracy.feedbackRatePercent(), 50.0);
        for (int b = 0; b < 5; ++b)
            QCOMPARE(s.confidence.counts[size_t(b)], qint64(2));
        QCOMPARE(*s.avgConfidence, 0.69996);
        QCOMPARE(*s.execution.avgMs, 550.0);
        QCOMPARE(*s.execution.minMs, qint64(100));
        QCOMPARE(*s.execution.maxMs, qint64(1000));
        QCOMPARE(*s.execution.p50Ms, qint64(500));
        QCOMPARE(*s.execution.p95Ms, qint64(1000));
        QCOMPARE(*s.execution.p99Ms, qint64(1000));
        QCOMPARE(snap->quality.confidenceOutOfRange, qint64(1));
        QCOMPARE(snap->quality.unknownFeedback, qint64(1));
        QCOMPARE(snap->quality.negativeExecutionTime, qint64(1));
        QCOMPARE(snap->quality.excludedRows, qint64(3));
    }

    void jsonShape()
    {
        auto snap = StatsService(m_db).snapshot(*StatsQuery::lastDays(30, m_now));
        QVERIFY(snap.ok());
        const QJsonObject json = statsJson(*snap);
        QCOMPARE(json.value("period_days").toInt(), 30);
        const QJsonObject dist = json.value("confidence_distribution").toObject().value("distribution").toObject();
        QCOMPARE(dist.value("very_high_95_100").toObject().value("count").toInt(), 2);
        QCOMPARE(dist.value("very_high_95_100").toObject().value("percentage").toDouble(), 20.0);
        QCOMPARE(json.value("accuracy").toObject().value("accuracy_avg").toDouble(), 0.7);
        QCOMPARE(json.value("execution_time").toObject().value("avg_execution_time_ms").toDouble(), 550.0);
        QCOMPARE(json.value("feedback_rate").toDouble(), 50.0);
        QCOMPARE(json.value("percentile_method").toString(), QStringLiteral("exact"));
    }

    void emptyWindowIsNull()
    {
        auto q = StatsQuery::range(m_now.addDays(-400), m_now.addDays(-300));
        auto snap = StatsService(m_db).snapshot(*q);
        QVERIFY(snap.ok());
        const QJsonObject json = statsJson(*snap);
        QCOMPARE(json.value("accuracy").toObject().value("total_decisions").toInt(), 0);
        QVERIFY(json.value("accuracy").toObject().value("accuracy_avg").isNull());
        QVERIFY(json.value("execution_time").toObject().value("p95_execution_time_ms").isNull());
        QVERIFY(json.value("feedback_rate").isNull());
    }

    void groupsByAgentAndTask()
    {
        auto agents = StatsService(m_db).grouped(*StatsQuery::lastDays(30, m_now), GroupBy::Agent);
        QVERIFY(agents.ok());
        QCOMPARE(agents->size(), size_t(2));
        QCOMPARE(agents->at(0).key, QStringLiteral("a"));
        QCOMPARE(agents->at(0).summary.accuracy.totalDecisions, qint64(4));
        QCOMPARE(*agents->at(0).summary.accuracy.accuracyAvg, 0.5);  // (1 + 0 + 0.5) / 3
        QCOMPARE(*agents->at(0).summary.execution.p50Ms, qint64(200));
        QCOMPARE(agents->at(1).summary.accuracy.totalDecisions, qint64(6));
        QCOMPARE(*agents->at(1).summary.accuracy.accuracyAvg, 1.0);
    }

    void trendsIncludeEmptyDays()
    {
        auto days = StatsService(m_db).grouped(*StatsQuery::lastDays(7, m_now), GroupBy::Day);
        QVERIFY(days.ok());
        QCOMPARE(days->size(), size_t(8));  // a 7×24 h window touches 8 calendar days
        qint64 total = 0;
        for (const GroupSummary &d : *days)
            total += d.summary.accuracy.totalDecisions;
        QCOMPARE(total, qint64(10));
        QCOMPARE(days->back().key, m_now.date().toString(Qt::ISODate));
    }

    void trendsDaysWithoutDecisionsAreNull()
    {
        // Three whole UTC days: the data day, and two empty ones around it.
        const QDate day = m_now.addSecs(-3600).date();
        auto q = StatsQuery::range(QDateTime(day.addDays(-1), QTime(0, 0), Qt::UTC),
                                   QDateTime(day.addDays(2), QTime(0, 0), Qt::UTC));
        QVERIFY(q.ok());
        auto days = StatsService(m_db).grouped(*q, GroupBy::Day);
        QVERIFY(days.ok());
        QCOMPARE(days->size(), size_t(3));
        const QJsonObject json = trendsJson(*days, *q);
        const QJsonArray rows = json.value("days").toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].toObject().value("day").toString(), day.addDays(-1).toString(Qt::ISODate));
        for (int i : {0, 2}) {
            const QJsonObject empty = rows[i].toObject();
            QCOMPARE(empty.value("decisions").toInt(), 0);
            QCOMPARE(empty.value("feedback_count").toInt(), 0);
            for (const char *key : {"accuracy_avg", "avg_confidence", "feedback_rate", "p50_execution_time_ms",
                                    "p95_execution_time_ms", "p99_execution_time_ms"})
                QVERIFY2(empty.value(QLatin1String(key)).isNull(), key);
        }
        const QJsonObject full = rows[1].toObject();
        QCOMPARE(full.value("decisions").toInt(), 10);
        QCOMPARE(full.value("feedback_count").toInt(), 5);
        QCOMPARE(full.value("accuracy_avg").toDouble(), 0.7);
        QCOMPARE(full.value("avg_confidence").toDouble(), 0.7);  // 0.69996 at 4 decimals
        QCOMPARE(full.value("p50_execution_time_ms").toInt(), 500);
        QCOMPARE(full.value("p99_execution_time_ms").toInt(), 1000);
        QVERIFY(json.value("filters").toObject().value("agent_id").isNull());
    }

    void agentJsonShape()
    {
        const StatsQuery q = *StatsQuery::lastDays(30, m_now);
        auto detail = StatsService(m_db).agent(QStringLiteral("b"), q);
        QVERIFY(detail.ok());
        const QJsonObject json = agentJson(*detail, q);
        QCOMPARE(json.value("agent_id").toString(), QStringLiteral("b"));
        QCOMPARE(json.value("total_decisions").toInt(), 6);
        QCOMPARE(json.value("avg_confidence").toDouble(), 0.7666);  // 4.5998 / 6
        QCOMPARE(json.value("avg_execution_time_ms").toDouble(), 750.0);
        const QJsonArray tasks = json.value("task_types").toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks[0].toObject(), (QJsonObject{{"task_type", "x"}, {"count", 3}}));
        QCOMPARE(tasks[1].toObject(), (QJsonObject{{"task_type", "y"}, {"count", 3}}));
        const QJsonObject acc = json.value("accuracy_metrics").toObject();
        QCOMPARE(acc.value("total_decisions").toInt(), 6);
        QCOMPARE(acc.value("total_with_feedback").toInt(), 2);
        QCOMPARE(acc.value("accuracy_avg").toDouble(), 1.0);
        QCOMPARE(acc.value("correct_count").toInt(), 2);
        QCOMPARE(acc.value("incorrect_count").toInt(), 0);
        QCOMPARE(acc.value("partially_correct_count").toInt(), 0);

        // Decisions only outside the window: the agent exists, its figures are null.
        auto old = StatsService(m_db).agent(QStringLiteral("old"), q);
        QVERIFY(old.ok());
        const QJsonObject oldJson = agentJson(*old, q);
        QCOMPARE(oldJson.value("total_decisions").toInt(), 0);
        QVERIFY(oldJson.value("avg_confidence").isNull());
        QVERIFY(oldJson.value("accuracy_metrics").toObject().value("accuracy_avg").isNull());
        QVERIFY(oldJson.value("task_types").toArray().isEmpty());
    }

    void accuracyFilters()
    {
        const StatsQuery all = *StatsQuery::lastDays(30, m_now);
        auto none = StatsService(m_db).summary(all);
        QVERIFY(none.ok());
        const QJsonObject plain = accuracyReportJson(*none, all);
        QVERIFY(plain.value("filters").toObject().value("agent_id").isNull());
        QVERIFY(plain.value("filters").toObject().value("task_type").isNull());
        QCOMPARE(plain.value("accuracy").toObject().value("total_decisions").toInt(), 10);

        const StatsQuery both = all.withAgent("a").withTask("y");
        auto filtered = StatsService(m_db).summary(both);
        QVERIFY(filtered.ok());
        const QJsonObject json = accuracyReportJson(*filtered, both);
        QCOMPARE(json.value("filters").toObject().value("agent_id").toString(), QStringLiteral("a"));
        QCOMPARE(json.value("filters").toObject().value("task_type").toString(), QStringLiteral("y"));
        const QJsonObject acc = json.value("accuracy").toObject();
        QCOMPARE(acc.value("total_decisions").toInt(), 2);  // 0.6999 and 0.7
        QCOMPARE(acc.value("partially_correct_count").toInt(), 1);
        QCOMPARE(acc.value("accuracy_avg").toDouble(), 0.5);
        const QJsonObject dist = json.value("confidence_distribution").toObject().value("distribution").toObject();
        QCOMPARE(dist.value("medium_50_70").toObject().value("count").toInt(), 1);
        QCOMPARE(dist.value("good_70_85").toObject().value("count").toInt(), 1);
        QCOMPARE(dist.value("good_70_85").toObject().value("percentage").toDouble(), 50.0);
    }

    void hostileFilterValuesAreData_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::newRow("or-1=1") << "' OR 1=1 --";
        QTest::newRow("quotes") << "a\"'`";
        QTest::newRow("unicode") << "agénte-😀";
        QTest::newRow("semicolon") << "a'; DROP TABLE ai_telemetry; --";
    }
    void hostileFilterValuesAreData()
    {
        QFETCH(QString, agent);
        const StatsService stats(m_db);
        auto before = stats.summary(StatsQuery::lastDays(30, m_now)->withAgent(agent));
        QVERIFY(before.ok());
        QCOMPARE(before->accuracy.totalDecisions, qint64(0));
        auto missing = stats.agent(agent, *StatsQuery::lastDays(30, m_now));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        auto tasks = stats.summary(StatsQuery::lastDays(30, m_now)->withTask(agent));
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->accuracy.totalDecisions, qint64(0));
        QVERIFY(stats.summary(*StatsQuery::lastDays(30, m_now)).ok());
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"

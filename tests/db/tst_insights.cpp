#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/alerts/Alerts.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

namespace {

DecisionInput decision(const QString &agent, const QString &task, double confidence, qint64 ms,
                       std::optional<Feedback> feedback, const QDateTime &at)
{
    return test::makeDecision(agent, task, confidence, ms, feedback, at);
}

QString describe(const Alert &a)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(a.agentId.isEmpty() ? QStringLiteral("*") : a.agentId, a.metric, severityKey(a.severity))
        .arg(a.value, 0, 'f', 4);
}

}  // namespace

// Calibration, alerts and the row-level reads, on hand-computed data (values in comments).
class TestInsights : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    test::FreshDatabase m_fresh;
    QDateTime m_now;

    StatsQuery window(const QString &agent = {}, const QString &task = {}) const
    {
        return StatsQuery::lastDays(30, m_now)->withAgent(agent).withTask(task);
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_db = m_fresh.db;
        m_now = QDateTime::currentDateTimeUtc();
        const QDateTime t = m_now.addSecs(-3600);
        const auto C = Feedback::Correct;
        const auto I = Feedback::Incorrect;
        const auto P = Feedback::PartiallyCorrect;
        std::vector<DecisionInput> rows = {
            decision("a", "x", 0.95, 100, C, t),
            decision("a", "x", 0.91, 200, I, t),
            decision("a", "y", 0.55, 300, C, t),
            decision("a", "x", 0.60, 400, std::nullopt, t),
            decision("b", "y", 0.15, 600, P, t),
            decision("b", "y", 1.0, 700, C, t),
            decision("b", "deployment_risk", 0.9, 800, std::nullopt, t),
            decision("c", "z", 0.72, 50, C, t),
            decision("c", "z", 0.78, 60, P, t),
            decision("old", "x", 0.9, 5000, I, m_now.addDays(-40)),
        };
        for (int i = 0; i < 4; ++i)
            rows.push_back(decision("d", "x", 0.99, 10, std::nullopt, t));
        rows.push_back(decision("e", "x", 0.9, 10, C, t));
        for (int i = 0; i < 3; ++i)
            rows.push_back(decision("e", "x", 0.9, 10, std::nullopt, t));
        auto written = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    }

    void calibration_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("task");
        QTest::addColumn<int>("bins");
        QTest::addColumn<qint64>("reviewed");
        QTest::addColumn<double>("ece");  // < 0 = null
        QTest::addColumn<double>("meanConfidence");
        QTest::addColumn<double>("meanAccuracy");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<qint64>("topBinCount");
        // top bin: .95 .91 1.0 .9 → conf .94, acc .75; .72/.78 → .75/.75; .55 → 1; .15 → .5
        // ECE = (4·.19 + 0 + .45 + .35) / 8 = .195; conf 5.96/8, acc 6/8
        QTest::newRow("all, 10 bins") << ""
                                      << "" << 10 << qint64(8) << 0.195 << 0.745 << 0.75 << "under_confident"
                                      << qint64(4);
        QTest::newRow("all, 5 bins") << ""
                                     << "" << 5 << qint64(8) << 0.195 << 0.745 << 0.75 << "under_confident"
                                     << qint64(4);
        // a: .95/1 .91/0 → .93/.5; .55/1 → ECE (2·.43 + .45)/3
        QTest::newRow("agent a") << "a"
                                 << "" << 10 << qint64(3) << 1.31 / 3 << 2.41 / 3 << 2.0 / 3 << "over_confident"
                                 << qint64(2);
        QTest::newRow("agent b") << "b"
                                 << "" << 10 << qint64(2) << 0.175 << 0.575 << 0.75 << "under_confident" << qint64(1);
        QTest::newRow("agent c, calibrated")
            << "c"
            << "" << 10 << qint64(2) << 0.0 << 0.75 << 0.75 << "calibrated" << qint64(0);
        QTest::newRow("task y") << ""
                                << "y" << 10 << qint64(3) << 0.8 / 3 << 1.7 / 3 << 2.5 / 3 << "under_confident"
                                << qint64(1);
        QTest::newRow("hostile agent id") << "' OR 1=1 --"
                                          << "" << 10 << qint64(0) << -1.0 << 0.0 << 0.0 << "" << qint64(0);
    }

    void calibration()
    {
        QFETCH(QString, agent);
        QFETCH(QString, task);
        QFETCH(int, bins);
        QFETCH(qint64, reviewed);
        QFETCH(double, ece);
        QFETCH(double, meanConfidence);
        QFETCH(double, meanAccuracy);
        QFETCH(QString, verdict);
        QFETCH(qint64, topBinCount);
        auto report = StatsSamples(m_db).calibration(window(agent, task), bins);
        QVERIFY(report.ok());
        const CalibrationReport &r = *report;
        QCOMPARE(r.reviewed, reviewed);
        QCOMPARE(static_cast<int>(r.bins.size()), bins);
        QCOMPARE(r.bins.back().count, topBinCount);
        if (ece < 0) {
            QVERIFY(!r.ece && !r.verdict);
            return;
        }
        QVERIFY(r.ece && r.verdict);
        QVERIFY2(qAbs(*r.ece - ece) < 1e-9, qPrintable(QString::number(*r.ece)));
        QVERIFY(qAbs(*r.meanConfidence - meanConfidence) < 1e-9);
        QVERIFY(qAbs(*r.meanAccuracy - meanAccuracy) < 1e-9);
        QCOMPARE(calibrationVerdictKey(*r.verdict), verdict);
    }

    void calibrationCli()
    {
        const auto run = test::runCli({QStringLiteral("--db"), m_fresh.url, QStringLiteral("calibration"),
                                       QStringLiteral("--agent"), QStringLiteral("a")},
                                      {}, [this] {
                                          QProcessEnvironment e;
                                          e.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
                                          return e;
                                      }());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = run.json().object();
        QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("over_confident"));
        QCOMPARE(o[QStringLiteral("total_reviewed")].toInt(), 3);
        QCOMPARE(o[QStringLiteral("bins")].toArray().size(), 10);
        QCOMPARE(o[QStringLiteral("bins")].toArray()[9].toObject()[QStringLiteral("mean_accuracy")].toDouble(), 0.5);
    }

    void alerts()
    {
        auto alerts = activeAlerts(StatsService(m_db), window());
        QVERIFY(alerts.ok());
        QStringList got;
        for (const Alert &a : *alerts)
            got << describe(a);
        // overall: acc 6/8, P95 of 17 times = 800; b: acc .75, P95 800, conf 2.05/3;
        // d: 0 % feedback; e: 25 % feedback; c's confidence is exactly .75 (no alert).
        const QStringList expected = {
            "*|accuracy_avg|high|0.7500", "*|p95_execution_time_ms|high|800.0000", "a|accuracy_avg|high|0.6667",
            "b|accuracy_avg|high|0.7500", "b|p95_execution_time_ms|high|800.0000", "b|avg_confidence|medium|0.6833",
            "c|accuracy_avg|high|0.7500", "d|feedback_rate|high|0.0000",           "e|feedback_rate|medium|25.0000",
        };
        QCOMPARE(got, expected);
    }

    void alertsEmptyWindow()
    {
        auto alerts = activeAlerts(StatsService(m_db), window(QStringLiteral("nobody")));
        QVERIFY(alerts.ok());
        QVERIFY(alerts->empty());
    }

    void failOn_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no gate") << QStringList{} << 0;
        QTest::newRow("medium") << QStringList{"--fail-on", "medium"} << 6;
        QTest::newRow("high") << QStringList{"--fail-on", "high"} << 6;
        QTest::newRow("critical") << QStringList{"--fail-on", "critical"} << 0;
        QTest::newRow("bad severity") << QStringList{"--fail-on", "low"} << 2;
        QTest::newRow("bad days") << QStringList{"--days", "0"} << 2;
    }

    void failOn()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
        const auto run =
            test::runCli(QStringList{QStringLiteral("--db"), m_fresh.url, QStringLiteral("alerts")} + extra, {}, env);
        QCOMPARE(run.exitCode, exitCode);
        if (exitCode != 2) {
            const QJsonObject o = run.json().object();
            QCOMPARE(o[QStringLiteral("alerts")].toArray().size(), 9);
            QCOMPARE(o[QStringLiteral("counts")].toObject()[QStringLiteral("medium")].toInt(), 2);
        } else {
            QVERIFY(run.err.startsWith("error: "));
        }
    }

    void executionBoxes()
    {
        auto boxes = StatsSamples(m_db).executionBoxesByAgent(window());
        QVERIFY(boxes.ok());
        QCOMPARE(boxes->size(), size_t(5));
        const ExecutionBox &a = (*boxes)[0];
        QCOMPARE(a.key, QStringLiteral("a"));
        QCOMPARE(QList<qint64>({a.count, a.minMs, a.q1Ms, a.medianMs, a.q3Ms, a.maxMs}),
                 QList<qint64>({4, 100, 100, 200, 300, 400}));
        const ExecutionBox &b = (*boxes)[1];
        QCOMPARE(QList<qint64>({b.count, b.minMs, b.q1Ms, b.medianMs, b.q3Ms, b.maxMs}),
                 QList<qint64>({3, 600, 600, 700, 800, 800}));
    }

    void samples()
    {
        const StatsSamples samples(m_db);
        QCOMPARE(samples.reviewedSamples(window())->size(), size_t(8));
        QCOMPARE(samples.reviewedSamples(window(), 3)->size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"

#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/insights/InsightsService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

// "What changed" end to end on a real database: one agent whose accuracy falls from 0.90 to
// 0.75 between the previous week and this one, one that stays put.
class TestInsightDetection : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QDateTime m_now;

    InsightsReport run(const QString &agent = {}) const
    {
        InsightOptions o;
        o.now = m_now;
        o.agentId = agent;
        auto r = InsightsService(m_fresh.db).run(o);
        if (!r)
            qWarning() << r.error().message;
        return r ? *r : InsightsReport{};
    }

    static QStringList described(const InsightsReport &r)
    {
        QStringList out;
        for (const Insight &i : r.insights)
            out << QStringLiteral("%1|%2|%3|%4")
                       .arg(insightKindKey(i.kind), i.agentId, i.metric, insightSeverityKey(i.severity));
        out.sort();
        return out;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> rows;
        auto add = [&](const QString &agent, const QString &task, double confidence, qint64 ms, int correct,
                       int incorrect, const QDateTime &start) {
            for (int i = 0; i < correct + incorrect; ++i) {
                const Feedback f = i < correct ? Feedback::Correct : Feedback::Incorrect;
                rows.push_back(test::makeDecision(agent, task, confidence, ms, f, start.addSecs(600LL * i)));
            }
        };
        const QDateTime before = m_now.addDays(-10);
        const QDateTime recent = m_now.addDays(-3);
        add(QStringLiteral("falling"), QStringLiteral("triage"), 0.9, 100, 180, 20, before);
        add(QStringLiteral("falling"), QStringLiteral("triage"), 0.9, 100, 150, 50, recent);
        add(QStringLiteral("steady"), QStringLiteral("summary"), 0.96, 200, 180, 20, before);
        add(QStringLiteral("steady"), QStringLiteral("summary"), 0.96, 200, 180, 20, recent);
        auto written = DecisionRecorder(m_fresh.db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    }

    // The drop, the calibration it breaks (0.9 confidence, 0.75 accuracy: ECE 0 → 0.15) and
    // the 0.85 target; the task type and all-decisions findings are the same story and left
    // out; the steady agent has none.
    void detectsTheDropOnly()
    {
        const InsightsReport r = run();
        QCOMPARE(described(r),
                 QStringList({QStringLiteral("accuracy_drop|falling|accuracy_avg|high"),
                              QStringLiteral("calibration_worse|falling|ece|high"),
                              QStringLiteral("target_missed|falling|accuracy_avg|high")}));
        const Insight &drop = *std::find_if(r.insights.begin(), r.insights.end(),
                                            [](const Insight &i) { return i.kind == InsightKind::AccuracyDrop; });
        // Python: pooled two-proportion z-test, 180/200 vs 150/200 → p = 3.945112145128085e-05.
        QVERIFY2(qAbs(drop.pValue - 3.945112145128085e-05) < 1e-15, qPrintable(QString::number(drop.pValue, 'g', 17)));
        QVERIFY(drop.qValue >= drop.pValue && drop.qValue <= 0.05);
        QCOMPARE(drop.nBaseline, qint64(200));
        QCOMPARE(drop.nCurrent, qint64(200));
        QVERIFY(qAbs(drop.change + 0.15) < 1e-12);
        QVERIFY(r.testsRun > 10);
        QCOMPARE(r.baseline.to, r.window.from);
        QCOMPARE(r.baseline.from.secsTo(r.baseline.to), r.window.from.secsTo(r.window.to));
    }

    void agentFilter()
    {
        QVERIFY(run(QStringLiteral("steady")).insights.empty());
        QCOMPARE(run(QStringLiteral("falling")).insights.size(), size_t(3));
    }

    // The shape, key for key.
    void cliShape()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const test::CliRun out = test::runCliOn(m_fresh, {QStringLiteral("insights")});
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(out.exitCode, 0);
        const QJsonObject doc = out.json().object();
        for (const char *key : {"window", "baseline"}) {
            const QJsonObject w = doc.value(QLatin1String(key)).toObject();
            QVERIFY(w.contains(QStringLiteral("from")) && w.contains(QStringLiteral("to")));
        }
        // The window ends at the last complete hour of the run, not in the future.
        const QDateTime to = QDateTime::fromString(
            doc.value(QStringLiteral("window")).toObject().value(QStringLiteral("to")).toString(), Qt::ISODate);
        const auto hourOf = [](const QDateTime &t) {
            return QDateTime(t.date(), QTime(t.time().hour(), 0), Qt::UTC);
        };
        QVERIFY2(to == hourOf(before) || to == hourOf(after), qPrintable(to.toString(Qt::ISODate)));
        const QJsonArray insights = doc.value(QStringLiteral("insights")).toArray();
        QCOMPARE(insights.size(), 3);
        const QStringList common{QStringLiteral("kind"),    QStringLiteral("agent_id"),   QStringLiteral("task_type"),
                                 QStringLiteral("metric"),  QStringLiteral("baseline"),   QStringLiteral("current"),
                                 QStringLiteral("change"),  QStringLiteral("n_baseline"), QStringLiteral("n_current"),
                                 QStringLiteral("q_value"), QStringLiteral("severity"),   QStringLiteral("since"),
                                 QStringLiteral("message")};
        for (const QJsonValue &v : insights) {
            const QJsonObject i = v.toObject();
            for (const QString &key : common)
                QVERIFY2(i.contains(key), qPrintable(key));
            QVERIFY(i.contains(QStringLiteral("p_value")) != i.contains(QStringLiteral("psi")));
            QCOMPARE(i.value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
            QVERIFY(i.value(QStringLiteral("task_type")).isNull());
        }
        const QJsonObject first = insights.first().toObject();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("accuracy_drop"));
        QCOMPARE(first.value(QStringLiteral("baseline")).toDouble(), 0.9);
        QCOMPARE(first.value(QStringLiteral("current")).toDouble(), 0.75);
        QCOMPARE(first.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Accuracy fell from 0.900 to 0.750 (agent falling)"));
    }

    void cliExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("high found") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("high")} << 6;
        QTest::newRow("steady agent") << QStringList{QStringLiteral("--agent"), QStringLiteral("steady"),
                                                     QStringLiteral("--fail-on"), QStringLiteral("high")}
                                      << 0;
        QTest::newRow("unknown severity") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("critical")} << 2;
        QTest::newRow("days 0") << QStringList{QStringLiteral("--days"), QStringLiteral("0")} << 2;
        QTest::newRow("baseline days 0") << QStringList{QStringLiteral("--baseline-days"), QStringLiteral("0")} << 2;
    }
    void cliExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const test::CliRun out = test::runCliOn(m_fresh, QStringList{QStringLiteral("insights")} + args);
        QCOMPARE(out.exitCode, exitCode);
        if (exitCode == 2)
            QVERIFY(out.err.startsWith("error: "));
    }

    // A trailing baseline of 1 day: the day before the current window, which holds no row
    // (they are 10 days old), so no change is tested; the targets still are.
    void trailingBaseline()
    {
        const test::CliRun out = test::runCliOn(
            m_fresh, {QStringLiteral("insights"), QStringLiteral("--baseline-days"), QStringLiteral("1")});
        QCOMPARE(out.exitCode, 0);
        const QJsonObject doc = out.json().object();
        const QJsonObject w = doc.value(QStringLiteral("window")).toObject();
        const QJsonObject b = doc.value(QStringLiteral("baseline")).toObject();
        QCOMPARE(b.value(QStringLiteral("to")), w.value(QStringLiteral("from")));
        QCOMPARE(b.value(QStringLiteral("days")).toDouble(), 1.0);
        const QJsonArray insights = doc.value(QStringLiteral("insights")).toArray();
        QCOMPARE(insights.size(), 1);
        QCOMPARE(insights.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("target_missed"));
    }
};

QTEST_GUILESS_MAIN(TestInsightDetection)
#include "tst_insight_detection.moc"

#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/insights/InsightText.h"
#include "core/insights/InsightsService.h"
#include "core/insights/ModelVersions.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

namespace {

constexpr auto C = Feedback::Correct;
constexpr auto I = Feedback::Incorrect;
constexpr auto P = Feedback::PartiallyCorrect;

// `count` decisions of one version, spread evenly from `first` over `spanSecs` seconds.
void addRows(std::vector<DecisionInput> &rows, const QString &agent, const QString &version, int count,
             std::optional<Feedback> feedback, qint64 ms, const QDateTime &first, qint64 spanSecs,
             double confidence = 0.9)
{
    for (int i = 0; i < count; ++i) {
        DecisionInput d = test::makeDecision(agent, QStringLiteral("t"), confidence, ms, feedback,
                                             first.addSecs(spanSecs * i / std::max(1, count)));
        if (!version.isEmpty())
            d.metadata.insert(QStringLiteral("model_version"), version);
        rows.push_back(std::move(d));
    }
}

QJsonObject comparison(const QJsonObject &report, const QString &metric)
{
    for (const QJsonValue &c : report.value("comparisons").toArray()) {
        if (c.toObject().value("metric").toString() == metric)
            return c.toObject();
    }
    return {};
}

}  // namespace

// Model versions side by side on rows with known versions; the expected figures are computed
// by hand (values and formulas in comments), not by the code under test.
class TestModelVersions : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    test::FreshDatabase m_fresh;
    QDateTime m_now;
    QDateTime m_v1First;
    QDateTime m_v2First;

    StatsQuery window() const { return *StatsQuery::lastDays(30, m_now); }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_db = m_fresh.db;
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        m_v1First = m_now.addDays(-10);
        m_v2First = m_now.addDays(-3);
        const qint64 day = 86400;
        std::vector<DecisionInput> rows;
        // Agent ab, v1: 100 reviewed (80 correct, 10 partial, 10 incorrect → 0.85) and 20 not;
        // execution 114 × 100 ms and 6 × 400 ms (P95 = rank 114 of 120 = 100 ms).
        addRows(rows, "ab", "v1", 80, C, 100, m_v1First, 6 * day);
        addRows(rows, "ab", "v1", 10, P, 100, m_v1First.addSecs(60), 6 * day);
        addRows(rows, "ab", "v1", 10, I, 100, m_v1First.addSecs(120), 6 * day);
        addRows(rows, "ab", "v1", 14, std::nullopt, 100, m_v1First.addSecs(180), 6 * day);
        addRows(rows, "ab", "v1", 6, std::nullopt, 400, m_v1First.addSecs(240), 6 * day);
        // v2: 100 reviewed (60 correct, 10 partial, 30 incorrect → 0.65); 90 × 150 ms and
        // 10 × 600 ms (P95 = rank 95 of 100 = 600 ms).
        addRows(rows, "ab", "v2", 60, C, 150, m_v2First, 2 * day);
        addRows(rows, "ab", "v2", 10, P, 150, m_v2First.addSecs(60), 2 * day);
        addRows(rows, "ab", "v2", 20, I, 150, m_v2First.addSecs(120), 2 * day);
        addRows(rows, "ab", "v2", 10, I, 600, m_v2First.addSecs(180), 2 * day);
        // Three decisions of ab without a version.
        addRows(rows, "ab", {}, 3, C, 100, m_now.addDays(-1), 600);
        // Agent same: two versions with the same figures; agent small: too few to test.
        addRows(rows, "same", "1.0", 54, C, 100, m_now.addDays(-9), 2 * day);
        addRows(rows, "same", "1.0", 6, I, 100, m_now.addDays(-9).addSecs(60), 2 * day);
        addRows(rows, "same", "1.1", 54, C, 100, m_now.addDays(-4), 2 * day);
        addRows(rows, "same", "1.1", 6, I, 100, m_now.addDays(-4).addSecs(60), 2 * day);
        addRows(rows, "small", "a", 5, I, 100, m_now.addDays(-8), day);
        addRows(rows, "small", "b", 5, C, 900, m_now.addDays(-2), day);
        // Outside the 30-day window: must not count.
        addRows(rows, "ab", "v0", 50, I, 100, m_now.addDays(-40), day);
        auto written = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    }

    void perVersionFigures()
    {
        auto report = ModelVersionsService(m_db).report("ab", window());
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        const QJsonObject json = versionReportJson(*report);
        QCOMPARE(json.value("agent_id").toString(), QString("ab"));
        QCOMPARE(json.value("unversioned").toInteger(), 3);
        const QJsonArray versions = json.value("versions").toArray();
        QCOMPARE(versions.size(), 2);
        const QJsonObject v1 = versions[0].toObject();
        const QJsonObject v2 = versions[1].toObject();
        QCOMPARE(v1.value("version").toString(), QString("v1"));
        QCOMPARE(v2.value("version").toString(), QString("v2"));
        QCOMPARE(v1.value("n").toInteger(), 120);
        QCOMPARE(v1.value("n_reviewed").toInteger(), 100);
        QCOMPARE(v2.value("n").toInteger(), 100);
        QCOMPARE(v2.value("n_reviewed").toInteger(), 100);
        QCOMPARE(v1.value("accuracy").toDouble(), 0.85);
        QCOMPARE(v2.value("accuracy").toDouble(), 0.65);
        // Wilson, z = 1.959964: (p + z²/2n ∓ z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
        QCOMPARE(v1.value("accuracy_ci").toArray(), (QJsonArray{0.7672, 0.9069}));
        QCOMPARE(v2.value("accuracy_ci").toArray(), (QJsonArray{0.5525, 0.7364}));
        QCOMPARE(v1.value("p95_ms").toInteger(), 100);
        QCOMPARE(v2.value("p95_ms").toInteger(), 600);
        QCOMPARE(v1.value("mean_confidence").toDouble(), 0.9);
        // One bin [0.9, 1): |0.85 − 0.9| and |0.65 − 0.9|.
        QCOMPARE(v1.value("ece").toDouble(), 0.05);
        QCOMPARE(v2.value("ece").toDouble(), 0.25);
        QCOMPARE(v1.value("first_seen").toString(), toIsoUtc(m_v1First));
        QCOMPARE(v2.value("first_seen").toString(), toIsoUtc(m_v2First));
        // The last v2 row: the 60th correct one, 2 days · 59/60 after v2's first.
        QCOMPARE(v2.value("last_seen").toString(), toIsoUtc(m_v2First.addSecs(2 * 86400 * 59 / 60)));
    }

    void comparisons_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("difference");
        QTest::addColumn<double>("pValue");
        // Accuracy: pooled scores (140 correct, 20 partial, 40 incorrect of 200): mean 0.75,
        // E x² 0.725, variance 0.1625; z = 0.2 / √(0.1625 · 2/100) = 3.5082, two-sided p.
        QTest::newRow("accuracy") << "accuracy_avg" << -0.2 << 0.000451095;
        // P95: the pooled 95th percentile (rank 209 of 220) is 400 ms; above it 0/120 and
        // 10/100; pooled 10/220, z = 0.1 / √(p(1−p)(1/120 + 1/100)) = 3.5456.
        QTest::newRow("p95") << "p95_execution_time_ms" << 500.0 << 0.000391689;
        // ECE: variances 0.85·0.15/100 and 0.65·0.35/100, z = 0.2 / √0.00355 = 3.3567.
        QTest::newRow("ece") << "ece" << 0.2 << 0.000788714;
    }

    void comparisons()
    {
        QFETCH(QString, metric);
        QFETCH(double, difference);
        QFETCH(double, pValue);
        auto report = ModelVersionsService(m_db).report("ab", window());
        QVERIFY(report.ok());
        const QJsonObject c = comparison(versionReportJson(*report), metric);
        QCOMPARE(c.value("newer").toString(), QString("v2"));
        QCOMPARE(c.value("older").toString(), QString("v1"));
        QVERIFY2(std::abs(c.value("difference").toDouble() - difference) < 1e-9,
                 qPrintable(QString::number(c.value("difference").toDouble())));
        QVERIFY2(std::abs(c.value("p_value").toDouble() - pValue) < 1e-8,
                 qPrintable(QString::number(c.value("p_value").toDouble(), 'g', 10)));
        QCOMPARE(c.value("significant").toBool(), true);
        QCOMPARE(c.value("better").toString(), QString("older"));
    }

    void equalVersionsAreNotSignificant()
    {
        auto report = ModelVersionsService(m_db).report("same", window());
        QVERIFY(report.ok());
        const QJsonObject c = comparison(versionReportJson(*report), "accuracy_avg");
        QCOMPARE(c.value("difference").toDouble(), 0.0);
        QCOMPARE(c.value("p_value").toDouble(), 1.0);
        QCOMPARE(c.value("significant").toBool(), false);
        QVERIFY(c.value("better").isNull());
    }

    void tooFewToTest()
    {
        auto report = ModelVersionsService(m_db).report("small", window());
        QVERIFY(report.ok());
        const QJsonObject json = versionReportJson(*report);
        QCOMPARE(json.value("comparisons").toArray().size(), 3);
        for (const QJsonValue &c : json.value("comparisons").toArray()) {
            QVERIFY(c.toObject().value("p_value").isNull());
            QCOMPARE(c.toObject().value("significant").toBool(), false);
        }
        QCOMPARE(comparison(json, "accuracy_avg").value("difference").toDouble(), 1.0);
    }

    void regressionIsAnInsight()
    {
        InsightOptions o;
        o.now = m_now;
        auto report = InsightsService(m_db).run(o);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QStringList found;
        for (const Insight &i : report->insights) {
            if (i.kind != InsightKind::VersionRegression)
                continue;
            found << i.agentId + "|" + i.metric + "|" + i.previousVersion + ">" + i.version;
            QVERIFY(i.qValue <= 0.05);
            if (i.metric == "accuracy_avg") {
                QCOMPARE(*i.baseline, 0.85);
                QCOMPARE(i.current, 0.65);
                QCOMPARE(i.severity, InsightSeverity::High);
                QCOMPARE(i.since, m_v2First);
            }
        }
        found.sort();
        QCOMPARE(found, (QStringList{"ab|accuracy_avg|v1>v2", "ab|p95_execution_time_ms|v1>v2"}));
    }

    // The raw read's budget, only without usable rollups (one of their triggers dropped here):
    // 14 days of insights hold ab 223 decisions (120 of v1, 100 of v2, 3 unversioned), same
    // 120, small 10, 353 in all.
    void budgetSkipsTheLargestAgents()
    {
        InsightOptions o;
        o.now = m_now;
        auto versionInsights = [](const InsightsReport &r) {
            QStringList out;
            for (const Insight &i : r.insights) {
                if (i.kind == InsightKind::VersionRegression)
                    out << i.agentId + "|" + i.metric + "|" + QString::number(i.qValue, 'g', 12);
            }
            return out;
        };
        auto unbounded = InsightsService(m_db).run(o);
        QVERIFY(unbounded.ok());
        QVERIFY(unbounded->skipped.empty());
        // From the rollups no budget applies.
        versions::setScanBudgetForTests(1);
        auto fromRollups = InsightsService(m_db).run(o);
        std::optional<qint64> notTooMany = 0;
        auto rollupPage = ModelVersionsService(m_db).reports(window(), 30, &notTooMany);
        versions::setScanBudgetForTests(0);
        QVERIFY(fromRollups.ok() && rollupPage.ok());
        QVERIFY(fromRollups->skipped.empty());
        QCOMPARE(versionInsights(*fromRollups), versionInsights(*unbounded));
        QVERIFY(!notTooMany);
        QCOMPARE(rollupPage->size(), size_t(3));

        QVERIFY(execStatement(*m_db, QStringLiteral("DROP TRIGGER %1").arg(rollup::triggerNames().last()), {},
                              QStringLiteral("dropping a rollup trigger")));
        forgetTelemetryTriggers(*m_db);
        QVERIFY(!versions::servedByRollups(*m_db, window()));

        versions::setScanBudgetForTests(353);
        auto atBudget = InsightsService(m_db).run(o);
        versions::setScanBudgetForTests(300);
        auto over = InsightsService(m_db).run(o);
        versions::setScanBudgetForTests(200);
        std::optional<qint64> tooMany;
        auto page = ModelVersionsService(m_db).reports(window(), 30, &tooMany);
        versions::setScanBudgetForTests(0);

        QVERIFY(atBudget.ok() && over.ok() && page.ok());
        QVERIFY(atBudget->skipped.empty());
        QCOMPARE(versionInsights(*atBudget), versionInsights(*unbounded));
        QCOMPARE(atBudget->testsRun, unbounded->testsRun);

        QCOMPARE(over->skipped.size(), size_t(1));
        QCOMPARE(over->skipped[0].agentId, QString("ab"));
        QCOMPARE(over->skipped[0].decisions, qint64(223));
        QVERIFY(over->skipped[0].reason.contains("versions --agent ab --days 7"));
        QVERIFY(versionInsights(*over).isEmpty());
        // same and small are still read, ab's version tests are not run.
        QVERIFY(over->testsRun < unbounded->testsRun);
        const QJsonObject json = insightsJson(*over);
        QCOMPARE(json.value("skipped").toArray()[0].toObject().value("kind").toString(), QString("version_regression"));
        QCOMPARE(json.value("skipped").toArray()[0].toObject().value("agent_id").toString(), QString("ab"));

        // The Accuracy page's 30 days hold the same 353 decisions (v0 is older), over 200: not read.
        QCOMPARE(tooMany, std::optional<qint64>(353));
        QVERIFY(page->empty());
        auto read = ModelVersionsService(m_db).reports(window(), 30, &tooMany);
        QVERIFY(read.ok());
        QVERIFY(!tooMany);
        QCOMPARE(read->size(), size_t(3));

        QVERIFY(rollup::installTriggers(*m_db).ok());
        QVERIFY(rollup::rebuild(*m_db).ok());
        QVERIFY(versions::servedByRollups(*m_db, window()));
    }

    void cli()
    {
        const test::CliRun run = test::runCliOn(m_fresh, {"versions", "--agent", "ab", "--days", "30"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = run.json().object();
        QCOMPARE(json.value("agent_id").toString(), QString("ab"));
        QCOMPARE(json.value("window").toObject().value("days").toDouble(), 30.0);
        QCOMPARE(json.value("versions").toArray().size(), 2);
        QCOMPARE(json.value("versions").toArray()[1].toObject().value("accuracy").toDouble(), 0.65);
        QCOMPARE(comparison(json, "accuracy_avg").value("better").toString(), QString("older"));

        const test::CliRun insights = test::runCliOn(m_fresh, {"insights", "--agent", "ab"});
        QVERIFY2(insights.exitCode == 0, insights.err.constData());
        bool regression = false;
        for (const QJsonValue &i : insights.json().object().value("insights").toArray()) {
            const QJsonObject o = i.toObject();
            if (o.value("kind").toString() == "version_regression" && o.value("metric").toString() == "accuracy_avg") {
                regression = true;
                QCOMPARE(o.value("version").toString(), QString("v2"));
                QCOMPARE(o.value("previous_version").toString(), QString("v1"));
                QVERIFY(o.value("message").toString().contains("v2"));
            }
        }
        QVERIFY(regression);

        const test::CliRun unknown = test::runCliOn(m_fresh, {"versions", "--agent", "nobody"});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY(unknown.err.startsWith("error: "));
        const test::CliRun missing = test::runCliOn(m_fresh, {"versions"});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.startsWith("error: "));
    }
};

QTEST_GUILESS_MAIN(TestModelVersions)
#include "tst_model_versions.moc"

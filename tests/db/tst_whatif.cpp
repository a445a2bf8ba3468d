#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/insights/WhatIf.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;

namespace {

constexpr double kTolerance = 1e-9;

bool near(double a, double b)
{
    return qAbs(a - b) < kTolerance;
}

QString describe(const WhatIfFigures &f)
{
    return QStringLiteral("P0 %1 P1 %2 P2 %3 P3 %4 missed %5")
        .arg(f.perDay[0])
        .arg(f.perDay[1])
        .arg(f.perDay[2])
        .arg(f.perDay[3])
        .arg(f.missedErrorsPerDay);
}

}  // namespace

// The threshold what-if on hand-computed data over 10 days (docs/INSIGHTS.md §What-if).
//  a/x 0.97 ×20, 10 reviewed: 8 correct, 1 incorrect, 1 partial → 1.5 errors per 10 reviewed
//  a/x 0.90 ×10, 5 reviewed: 1 incorrect; a/x 0.80 ×4, 2 reviewed: 1 incorrect, 1 partial;
//  a/x 0.60 ×6, 3 reviewed, all correct; b/deployment_risk 0.99 ×10, none reviewed (P0 by its
//  task type); c/x 0.95 ×4, 2 reviewed: 1 incorrect; outside the window: a/x 0.97 ×6 incorrect.
// Each reviewed decision stands for 2 of its band, so errors per band: a 0.97 → 3,
// 0.90 → 2, 0.80 → 3, 0.60 → 0, c 0.95 → 2.
class TestWhatIf : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    test::FreshDatabase m_fresh;
    QDateTime m_now;
    std::optional<WhatIfInputs> m_all;

    Result<WhatIfInputs> read(const QString &agent = {}) const
    {
        return readWhatIfInputs(m_db, StatsQuery::lastDays(10, m_now)->withAgent(agent));
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_db = m_fresh.db;
        m_now = QDateTime::currentDateTimeUtc();
        const QDateTime recent = m_now.addDays(-2);
        const QDateTime older = m_now.addDays(-5).addSecs(-1800);
        const auto C = Feedback::Correct;
        const auto I = Feedback::Incorrect;
        const auto P = Feedback::PartiallyCorrect;
        std::vector<DecisionInput> rows;
        auto add = [&](const char *agent, const char *task, double confidence, int n, std::optional<Feedback> fb,
                       const QDateTime &at) {
            for (int i = 0; i < n; ++i)
                rows.push_back(
                    test::makeDecision(QString::fromLatin1(agent), QString::fromLatin1(task), confidence, 100, fb, at));
        };
        add("a", "x", 0.97, 8, C, recent);
        add("a", "x", 0.97, 1, I, older);
        add("a", "x", 0.97, 1, P, recent);
        add("a", "x", 0.97, 10, std::nullopt, older);
        add("a", "x", 0.90, 4, C, recent);
        add("a", "x", 0.90, 1, I, recent);
        add("a", "x", 0.90, 5, std::nullopt, older);
        add("a", "x", 0.80, 1, I, older);
        add("a", "x", 0.80, 1, P, recent);
        add("a", "x", 0.80, 2, std::nullopt, recent);
        add("a", "x", 0.60, 3, C, older);
        add("a", "x", 0.60, 3, std::nullopt, recent);
        add("b", "deployment_risk", 0.99, 10, std::nullopt, recent);
        add("c", "x", 0.95, 1, I, recent);
        add("c", "x", 0.95, 1, C, recent);
        add("c", "x", 0.95, 2, std::nullopt, older);
        add("a", "x", 0.97, 6, I, m_now.addDays(-12));
        auto written = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        auto all = read();
        QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().message));
        m_all = *all;
    }

    void bands()
    {
        const WhatIfInputs &in = *m_all;
        QVERIFY(near(in.days, 10.0));
        QCOMPARE(in.arrivals, qint64(54));
        QCOMPARE(in.reviewed, qint64(22));
        const std::array<qint64, 5> arrivals = {0, 6, 4, 10, 34};
        const std::array<qint64, 5> reviewed = {0, 3, 2, 5, 12};
        const std::array<double, 5> rates = {-1, 0.0, 0.75, 0.2, 2.5 / 12};
        for (size_t b = 0; b < 5; ++b) {
            QCOMPARE(in.bands[b].arrivals, arrivals[b]);
            QCOMPARE(in.bands[b].reviewed, reviewed[b]);
            if (rates[b] < 0)
                QVERIFY(!in.bands[b].errorRate);
            else
                QVERIFY2(in.bands[b].errorRate && near(*in.bands[b].errorRate, rates[b]),
                         qPrintable(QString::number(b)));
        }
        QVERIFY(in.errorRate && near(*in.errorRate, 5.0 / 22));
    }

    void figures_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("z");
        QTest::addColumn<QList<double>>("perDay");  // P0..P3
        QTest::addColumn<double>("missed");
        // Defaults: P0 0.60 ×6 + deployment_risk ×10; P1 0.80; P2 0.90 and 0.95 (0.95 is P2);
        // P3 0.97 ×20 at 10 %; missed 3 × 0.9.
        QTest::newRow("defaults") << "" << 0.70 << 0.85 << 0.95 << QList<double>{1.6, 0.4, 1.4, 0.2} << 0.27;
        QTest::newRow("review all below 0.98")
            << "" << 0.70 << 0.85 << 0.98 << QList<double>{1.6, 0.4, 3.4, 0.0} << 0.0;
        // 0.95 above the P2 cut: c's 4 join P3, 2 errors more at 90 % unreviewed.
        QTest::newRow("P2 below 0.94") << "" << 0.70 << 0.85 << 0.94 << QList<double>{1.6, 0.4, 1.0, 0.24} << 0.45;
        QTest::newRow("lower cuts") << "" << 0.50 << 0.75 << 0.85 << QList<double>{1.0, 0.6, 0.4, 0.34} << 0.63;
        QTest::newRow("agent a") << "a" << 0.70 << 0.85 << 0.95 << QList<double>{0.6, 0.4, 1.0, 0.2} << 0.27;
        QTest::newRow("agent c, edge") << "c" << 0.70 << 0.85 << 0.95 << QList<double>{0, 0, 0.4, 0} << 0.0;
        QTest::newRow("agent c, P2 below 0.9499")
            << "c" << 0.70 << 0.85 << 0.9499 << QList<double>{0, 0, 0, 0.04} << 0.18;
        // Only deployment_risk, never reviewed: P0 by task type whatever the cuts.
        QTest::newRow("agent b") << "b" << 0.10 << 0.20 << 0.30 << QList<double>{1.0, 0, 0, 0} << 0.0;
        QTest::newRow("unknown agent") << "nobody" << 0.70 << 0.85 << 0.95 << QList<double>{0, 0, 0, 0} << 0.0;
    }

    void figures()
    {
        QFETCH(QString, agent);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, z);
        QFETCH(QList<double>, perDay);
        QFETCH(double, missed);
        auto in = read(agent);
        QVERIFY(in.ok());
        const WhatIfFigures f = evaluateRules(*in, withCutPoints(ReviewRules::defaults(), CutPoints{x, y, z}));
        for (int i = 0; i < kPriorityCount; ++i)
            QVERIFY2(near(f.perDay[static_cast<size_t>(i)], perDay[i]), qPrintable(describe(f)));
        QVERIFY2(near(f.missedErrorsPerDay, missed), qPrintable(describe(f)));
    }

    void defaultsAreTheirCutPoints()
    {
        const ReviewRules defaults = ReviewRules::defaults();
        const auto cuts = cutPointsOf(defaults);
        QVERIFY(cuts);
        QCOMPARE(cuts->p0Below, 0.70);
        QCOMPARE(cuts->p1Below, 0.85);
        QCOMPARE(cuts->p2Below, 0.95);
        QVERIFY(withCutPoints(defaults, *cuts) == defaults);
        QVERIFY(!(withCutPoints(defaults, CutPoints{0.6, 0.85, 0.95}) == defaults));
        const WhatIfReport r = whatIfReport(*m_all, defaults, *cuts);
        QCOMPARE(describe(r.current.figures), describe(r.proposed.figures));
    }

    void curve()
    {
        const auto curve = whatIfCurve(*m_all, ReviewRules::defaults(), CutPoints{0.7, 0.85, 0.95});
        QCOMPARE(curve.size(), size_t(96));
        QCOMPARE(curve.back().p2Below, 1.0);
        QVERIFY(near(curve.back().missedErrorsPerDay, 0.0));
        QVERIFY(near(curve.back().loadPerDay, 5.4));  // every decision reviewed
        for (const auto &p : curve) {
            if (near(p.p2Below, 0.95))
                QVERIFY(near(p.loadPerDay, 3.6) && near(p.missedErrorsPerDay, 0.27));
        }
        for (size_t i = 1; i < curve.size(); ++i) {
            QVERIFY(curve[i].loadPerDay >= curve[i - 1].loadPerDay - kTolerance);
            QVERIFY(curve[i].missedErrorsPerDay <= curve[i - 1].missedErrorsPerDay + kTolerance);
        }
    }

    void cli()
    {
        const auto run = test::runCliOn(m_fresh,
                                        {QStringLiteral("whatif"), QStringLiteral("--days"), QStringLiteral("10"),
                                         QStringLiteral("--p2-below"), QStringLiteral("0.98")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = run.json().object();
        const QJsonObject current = o[QStringLiteral("current")].toObject();
        QCOMPARE(current[QStringLiteral("cut_points")].toObject()[QStringLiteral("p2_below")].toDouble(), 0.95);
        QCOMPARE(current[QStringLiteral("per_day")].toObject()[QStringLiteral("P3")].toDouble(), 0.2);
        QCOMPARE(current[QStringLiteral("missed_errors_per_day")].toDouble(), 0.27);
        const QJsonObject proposed = o[QStringLiteral("proposed")].toObject();
        QCOMPARE(proposed[QStringLiteral("cut_points")].toObject()[QStringLiteral("p0_below")].toDouble(), 0.70);
        QCOMPARE(o[QStringLiteral("per_day")].toObject()[QStringLiteral("P2")].toDouble(), 3.4);
        QCOMPARE(o[QStringLiteral("missed_errors_per_day")].toDouble(), 0.0);
        const QJsonObject change = o[QStringLiteral("change")].toObject();
        QCOMPARE(change[QStringLiteral("per_day")].toObject()[QStringLiteral("P2")].toDouble(), 2.0);
        QCOMPARE(change[QStringLiteral("per_day")].toObject()[QStringLiteral("P3")].toDouble(), -0.2);
        QCOMPARE(change[QStringLiteral("missed_errors_per_day")].toDouble(), -0.27);
        QCOMPARE(o[QStringLiteral("bands")].toArray().size(), 5);
        QCOMPARE(o[QStringLiteral("curve")].toArray().size(), 96);
        QCOMPARE(o[QStringLiteral("window")].toObject()[QStringLiteral("decisions")].toInt(), 54);

        const auto agent = test::runCliOn(m_fresh,
                                          {QStringLiteral("whatif"), QStringLiteral("--days"), QStringLiteral("10"),
                                           QStringLiteral("--agent"), QStringLiteral("c"), QStringLiteral("--p2-below"),
                                           QStringLiteral("0.9499")});
        QCOMPARE(agent.exitCode, 0);
        QCOMPARE(agent.json().object()[QStringLiteral("missed_errors_per_day")].toDouble(), 0.18);
    }

    void cliRefusesCutPoints_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("not rising") << QStringList{QStringLiteral("--p0-below"), QStringLiteral("0.9")};
        QTest::newRow("equal") << QStringList{QStringLiteral("--p1-below"), QStringLiteral("0.95")};
        QTest::newRow("above 1") << QStringList{QStringLiteral("--p2-below"), QStringLiteral("1.2")};
        QTest::newRow("negative") << QStringList{QStringLiteral("--p0-below"), QStringLiteral("-0.1")};
        QTest::newRow("not a number") << QStringList{QStringLiteral("--p1-below"), QStringLiteral("high")};
    }

    void cliRefusesCutPoints()
    {
        QFETCH(QStringList, args);
        const auto run = test::runCliOn(m_fresh, QStringList{QStringLiteral("whatif")} + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("error: "), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"

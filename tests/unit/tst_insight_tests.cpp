#include "core/insights/Detectors.h"
#include "core/insights/InsightSelection.h"
#include "core/insights/InsightsService.h"
#include "core/insights/Significance.h"

#include <QtTest>

using namespace atalaya;
using namespace atalaya::insights;

// The tests behind the insights against values computed independently in Python (math.erfc,
// exact binomial sums with fractions.Fraction); the scripts are in the comments.
class TestInsightTests : public QObject {
    Q_OBJECT
private slots:
    // p1, p2 = x1/n1, x2/n2; p = (x1+x2)/(n1+n2); z = (p1−p2)/√(p(1−p)(1/n1+1/n2)); sf(z)
    void proportionDrop_data()
    {
        QTest::addColumn<qint64>("x1");
        QTest::addColumn<qint64>("n1");
        QTest::addColumn<qint64>("x2");
        QTest::addColumn<qint64>("n2");
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("p");
        QTest::newRow("0.90 → 0.75") << qint64(90) << qint64(100) << qint64(75) << qint64(100) << 2.791452631195413
                                     << 0.00262360186955782;
        QTest::newRow("0.45 → 0.40") << qint64(450) << qint64(1000) << qint64(400) << qint64(1000) << 2.261656365159503
                                     << 0.011859321316095735;
        QTest::newRow("a rise is no drop")
            << qint64(75) << qint64(100) << qint64(90) << qint64(100) << -2.791452631195413 << 1 - 0.00262360186955782;
    }
    void proportionDrop()
    {
        QFETCH(qint64, x1);
        QFETCH(qint64, n1);
        QFETCH(qint64, x2);
        QFETCH(qint64, n2);
        QFETCH(double, z);
        QFETCH(double, p);
        const TestResult r = insights::proportionDrop(x1, n1, x2, n2);
        QVERIFY2(qAbs(r.statistic - z) < 1e-12, qPrintable(QString::number(r.statistic, 'g', 17)));
        QVERIFY2(qAbs(r.pValue - p) < 1e-12, qPrintable(QString::number(r.pValue, 'g', 17)));
    }

    // Without partials the score test is the two-proportion test; with them the pooled
    // variance is that of the pooled scores {1, 0.5, 0} (numpy-free: Σ(x−m)²/N).
    void scoreDrop_data()
    {
        QTest::addColumn<qint64>("bc");
        QTest::addColumn<qint64>("bp");
        QTest::addColumn<qint64>("bi");
        QTest::addColumn<qint64>("cc");
        QTest::addColumn<qint64>("cp");
        QTest::addColumn<qint64>("ci");
        QTest::addColumn<double>("p");
        QTest::newRow("no partials") << qint64(90) << qint64(0) << qint64(10) << qint64(75) << qint64(0) << qint64(25)
                                     << 0.00262360186955782;
        QTest::newRow("partials as 0.5") << qint64(80) << qint64(10) << qint64(10) << qint64(60) << qint64(20)
                                         << qint64(20) << 0.002072498484971558;
    }
    void scoreDrop()
    {
        QFETCH(qint64, bc);
        QFETCH(qint64, bp);
        QFETCH(qint64, bi);
        QFETCH(qint64, cc);
        QFETCH(qint64, cp);
        QFETCH(qint64, ci);
        QFETCH(double, p);
        const TestResult r = insights::scoreDrop({bc, bp, bi}, {cc, cp, ci});
        QVERIFY2(qAbs(r.pValue - p) < 1e-12, qPrintable(QString::number(r.pValue, 'g', 17)));
    }

    // psi = Σ (pc−pb)·ln(pc/pb), shares floored at 1e-4; p = χ²₄ sf of psi/(1/nb+1/nc),
    // sf₄(x) = e^(−x/2)(1 + x/2).
    void psiAndPValue_data()
    {
        QTest::addColumn<QList<qint64>>("b");
        QTest::addColumn<QList<qint64>>("c");
        QTest::addColumn<double>("psi");
        QTest::addColumn<double>("p");
        QTest::newRow("n 100") << QList<qint64>{10, 20, 30, 25, 15} << QList<qint64>{20, 25, 25, 20, 10}
                               << 0.12101840643252143 << 0.19537764919181996;
        QTest::newRow("empty bucket") << QList<qint64>{0, 10, 20, 30, 40} << QList<qint64>{5, 10, 20, 30, 35}
                                      << 0.3167855137424935 << 0.0032425912565230185;
        QTest::newRow("same shift, n 1000")
            << QList<qint64>{100, 200, 300, 250, 150} << QList<qint64>{200, 250, 250, 200, 100} << 0.12101840643252143
            << 2.2672919020121455e-12;
    }
    void psiAndPValue()
    {
        QFETCH(QList<qint64>, b);
        QFETCH(QList<qint64>, c);
        QFETCH(double, psi);
        QFETCH(double, p);
        std::array<qint64, 5> ab{};
        std::array<qint64, 5> ac{};
        qint64 nb = 0;
        qint64 nc = 0;
        for (int i = 0; i < 5; ++i) {
            ab[static_cast<size_t>(i)] = b[i];
            ac[static_cast<size_t>(i)] = c[i];
            nb += b[i];
            nc += c[i];
        }
        const double value = insights::psi(ab, ac);
        QVERIFY2(qAbs(value - psi) < 1e-12, qPrintable(QString::number(value, 'g', 17)));
        const double pv = psiPValue(value, nb, nc);
        QVERIFY2(qAbs(pv - p) <= 1e-9 * p, qPrintable(QString::number(pv, 'g', 17)));
    }

    // scipy-free: 1 − P(a, x/2), the regularized lower gamma by its series in math.lgamma.
    void chiSquareTail_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<int>("df");
        QTest::addColumn<double>("p");
        QTest::newRow("df 1") << 2.0 << 1 << 0.15729920705028533;
        QTest::newRow("df 2") << 4.0 << 2 << 0.1353352832366128;
        QTest::newRow("df 3") << 5.0 << 3 << 0.1717971442967332;
        QTest::newRow("df 5") << 12.0 << 5 << 0.034787780506242316;
        QTest::newRow("df 9") << 23.2 << 9 << 0.005762432449900601;
        QTest::newRow("df 9, small x") << 3.0 << 9 << 0.9642949726850891;
    }
    void chiSquareTail()
    {
        QFETCH(double, x);
        QFETCH(int, df);
        QFETCH(double, p);
        const double v = chiSquareSf(x, df);
        QVERIFY2(qAbs(v - p) <= 1e-12, qPrintable(QString::number(v, 'g', 17)));
    }

    // Pearson's χ² of the 2 × k table: n Σ (ad − bc)² / … ; for [[50, 50], [30, 70]] it is
    // 25/3, erfc(√(25/6)); halving both effective sizes halves it, erfc(√(25/12)).
    void binnedShift_data()
    {
        QTest::addColumn<QList<qint64>>("b");
        QTest::addColumn<QList<qint64>>("c");
        QTest::addColumn<double>("nb");
        QTest::addColumn<double>("nc");
        QTest::addColumn<double>("p");
        QTest::newRow("independent rows") << QList<qint64>{50, 50} << QList<qint64>{30, 70} << 100.0 << 100.0
                                          << 0.003892417122778627;
        QTest::newRow("each row counted twice") << QList<qint64>{50, 50} << QList<qint64>{30, 70} << 50.0 << 50.0
                                                << 0.041226833337163676;
        // The first bin expects 1.5 rows: it joins the next one.
        QTest::newRow("sparse bin merged") << QList<qint64>{2, 48, 50} << QList<qint64>{1, 29, 70} << 100.0 << 100.0
                                           << 0.003892417122778627;
        // 4 effective rows cannot fill two groups of 5: nothing to test.
        QTest::newRow("too few effective rows") << QList<qint64>{0, 100} << QList<qint64>{100, 0} << 4.0 << 4.0
                                                << 1.0;
    }
    void binnedShift()
    {
        QFETCH(QList<qint64>, b);
        QFETCH(QList<qint64>, c);
        QFETCH(double, nb);
        QFETCH(double, nc);
        QFETCH(double, p);
        const double v = binnedShiftPValue({b.begin(), b.end()}, {c.begin(), c.end()}, nb, nc);
        QVERIFY2(qAbs(v - p) <= 1e-12, qPrintable(QString::number(v, 'g', 17)));
    }

    // Exact binomial tails: Σ_{j≥k} C(n,j) p^j (1−p)^(n−j) with Fraction.
    void binomialTail_data()
    {
        QTest::addColumn<qint64>("k");
        QTest::addColumn<qint64>("n");
        QTest::addColumn<double>("p");
        QTest::newRow("3 of 100 at 1 %") << qint64(3) << qint64(100) << 0.07937320225218034;
        QTest::newRow("20 of 1000 at 1 %") << qint64(20) << qint64(1000) << 0.0032883597877274664;
    }
    void binomialTail()
    {
        QFETCH(qint64, k);
        QFETCH(qint64, n);
        QFETCH(double, p);
        const double v = binomialSfAtLeast(k, n, 0.01);
        QVERIFY2(qAbs(v - p) <= 1e-9 * p, qPrintable(QString::number(v, 'g', 17)));
    }

    // 100 decisions in a week, then 150: 2·min(P(X ≥ 150), P(X ≤ 150)), X ~ Bin(250, 0.5).
    void poissonRate()
    {
        const TestResult r = poissonRateChange(100, 7.0, 150, 7.0);
        QVERIFY2(qAbs(r.pValue - 0.001883300935076157) < 1e-12, qPrintable(QString::number(r.pValue, 'g', 17)));
        QCOMPARE(poissonRateChange(100, 7.0, 100, 7.0).pValue, 1.0);
    }

    // Sorted p 0.005, 0.01, 0.03, 0.04, 0.2 → p·m/rank 0.025, 0.025, 0.05, 0.05, 0.2 (monotone).
    void benjaminiHochberg()
    {
        const std::vector<double> q = insights::benjaminiHochberg({0.01, 0.04, 0.03, 0.005, 0.2});
        const std::vector<double> expected{0.025, 0.05, 0.05, 0.025, 0.2};
        QCOMPARE(q.size(), expected.size());
        for (size_t i = 0; i < q.size(); ++i)
            QVERIFY2(qAbs(q[i] - expected[i]) < 1e-12, qPrintable(QString::number(q[i], 'g', 17)));
    }

    // The quantile test only sees shares above the pooled quantile: a doubled tail is found,
    // the same distribution is not.
    void quantileRise()
    {
        std::map<qint64, qint64> before;
        std::map<qint64, qint64> same;
        std::map<qint64, qint64> slower;
        for (qint64 v = 100; v < 200; ++v) {
            before[v] = 10;
            same[v] = 10;
            slower[v < 190 ? v : 2 * v] = 10;
        }
        QVERIFY(insights::quantileRise(before, same, 95).pValue > 0.4);
        QVERIFY(insights::quantileRise(before, slower, 95).pValue < 1e-6);
    }

    // A significant change that is too small is not reported, but it counts as a test: the
    // other q-values are as large as m = every test makes them.
    void selectKeepsLargeSignificantOnes()
    {
        std::vector<Candidate> c(3);
        c[0].insight.kind = InsightKind::AccuracyDrop;
        c[0].insight.agentId = QStringLiteral("a");
        c[0].insight.metric = QStringLiteral("accuracy_avg");
        c[0].insight.pValue = 0.01;
        c[0].large = true;
        c[1].insight = c[0].insight;
        c[1].insight.agentId.clear();
        c[1].insight.taskType = QStringLiteral("t");  // served by agent a: its story
        c[2].insight = c[0].insight;
        c[2].insight.agentId = QStringLiteral("b");
        c[2].insight.pValue = 0.04;
        c[2].large = false;
        const InsightsReport r = selectInsights(c, {{QStringLiteral("a"), QStringLiteral("t")}}, 0.05);
        QCOMPARE(r.testsRun, 3);
        QCOMPARE(int(r.insights.size()), 1);
        QCOMPARE(r.insights[0].agentId, QStringLiteral("a"));
        QVERIFY(qAbs(r.insights[0].qValue - 0.015) < 1e-12);
        QVERIFY(!r.insights[0].message.isEmpty());
    }

    // The windows end at the last complete UTC hour: never in the future, and both hold the
    // same whole hours of data.
    void windowsEndAtTheLastCompleteHour_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("end");
        const QDate day(2026, 12, 7);
        QTest::newRow("mid-hour") << QDateTime(day, QTime(0, 49, 15), Qt::UTC)
                                  << QDateTime(day, QTime(0, 0), Qt::UTC);
        QTest::newRow("a second before the hour") << QDateTime(day, QTime(13, 59, 59, 999), Qt::UTC)
                                                  << QDateTime(day, QTime(13, 0), Qt::UTC);
        QTest::newRow("on the hour") << QDateTime(day, QTime(14, 0), Qt::UTC)
                                     << QDateTime(day, QTime(14, 0), Qt::UTC);
    }
    void windowsEndAtTheLastCompleteHour()
    {
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, end);
        InsightOptions o;
        o.now = now;
        o.days = 7;
        auto w = InsightsService::windows(o);
        QVERIFY(w.ok());
        QCOMPARE(w->first.to, end);
        QCOMPARE(w->first.from, end.addDays(-7));
        QCOMPARE(w->second.to, w->first.from);
        QCOMPARE(w->second.from, end.addDays(-14));
    }
};

QTEST_GUILESS_MAIN(TestInsightTests)
#include "tst_insight_tests.moc"

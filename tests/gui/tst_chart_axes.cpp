#include "ui/common/ChartKit.h"

#include <QCategoryAxis>
#include <QtTest>

#include <ctime>

using namespace atalaya::charts;

// Axis ticks a reader can count on: y at round steps that fit the data, x at whole UTC days,
// labelled with the UTC day whatever the machine's time zone (the test runs in Lima, UTC−5,
// where a local label would name the day before).
class TestChartAxes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        qputenv("TZ", "America/Lima");
        tzset();
        QCOMPARE(QDateTime(QDate(2026, 12, 7), QTime(0, 0), Qt::UTC).toLocalTime().date(), QDate(2026, 12, 6));
    }

    void roundedSteps_data()
    {
        QTest::addColumn<double>("top");
        QTest::addColumn<double>("step");
        QTest::addColumn<int>("steps");
        // The execution-time chart's P99 of the demo (1 130 ms × 1.05): was 0–2 000 in steps of 400.
        QTest::newRow("1186 ms") << 1186.5 << 200.0 << 6;
        QTest::newRow("1000 exactly") << 1000.0 << 200.0 << 5;
        QTest::newRow("1050") << 1050.0 << 200.0 << 6;
        QTest::newRow("ratio 1") << 1.0 << 0.2 << 5;
        QTest::newRow("ratio 0.55") << 0.55 << 0.1 << 6;
        QTest::newRow("13 reviews") << 13.0 << 5.0 << 3;
        QTest::newRow("quarter ratio") << 0.7 << 0.25 << 3;
        QTest::newRow("7.1") << 7.1 << 2.0 << 4;
        QTest::newRow("nothing") << 0.0 << 0.2 << 5;
    }
    void roundedSteps()
    {
        QFETCH(double, top);
        QFETCH(double, step);
        QFETCH(int, steps);
        const auto got = atalaya::charts::roundedSteps(top);
        QCOMPARE(got.first, step);
        QCOMPARE(got.second, steps);
        QVERIFY(got.first * got.second >= top);
    }

    // A small chart's three steps: the forecast's P0 axis (10 missed deadlines × 1.1) went to
    // 0–12 in steps of 2, and Qt elided all seven labels to "…".
    void roundedStepsForASmallChart()
    {
        QCOMPARE(atalaya::charts::roundedSteps(11.0, 3), std::make_pair(5.0, 3));
        QCOMPARE(atalaya::charts::roundedSteps(160.0 * 1.1, 3), std::make_pair(100.0, 2));
        for (double top = 1; top <= 10000; top *= 1.013) {
            const auto [step, steps] = atalaya::charts::roundedSteps(top, 3);
            QVERIFY2(steps >= 2 && steps <= 3 && step * steps >= top, qPrintable(QString::number(top)));
        }
    }

    // Every top from 1 to 10 000: 3 to 6 steps, a 1-2-2.5-5 step, never more than 1.5 × the top
    // above 1 (the old 1-2-2.5-5 maximum left up to half the plot empty).
    void roundedStepsEverywhere()
    {
        for (double top = 1; top <= 10000; top *= 1.013) {
            const auto [step, steps] = atalaya::charts::roundedSteps(top);
            QVERIFY(steps >= 3 && steps <= 6);
            QVERIFY2(top < 1 || step >= 10 || std::fmod(step, 1.0) == 0 || step < 1,
                     qPrintable(QString::number(step)));
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
            QVERIFY2(qFuzzyCompare(mantissa, 1.0) || qFuzzyCompare(mantissa, 2.0) || qFuzzyCompare(mantissa, 2.5)
                         || qFuzzyCompare(mantissa, 5.0),
                     qPrintable(QString::number(step)));
            QVERIFY2(step * steps >= top && step * steps <= 1.5 * top, qPrintable(QString::number(top)));
        }
    }

    void dayTicks_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("step");
        QTest::addColumn<int>("intervals");
        QTest::newRow("one day") << 1 << 1 << 1;
        QTest::newRow("a week") << 7 << 1 << 7;
        QTest::newRow("8 days") << 8 << 2 << 4;
        QTest::newRow("15 days") << 15 << 3 << 5;
        QTest::newRow("30 days") << 30 << 5 << 6;
        QTest::newRow("31 days") << 31 << 5 << 7;
        QTest::newRow("91 days") << 91 << 13 << 7;
    }
    void dayTicks()
    {
        QFETCH(int, days);
        QFETCH(int, step);
        QFETCH(int, intervals);
        QCOMPARE(atalaya::charts::dayTicks(days), std::make_pair(step, intervals));
    }

    // The 31 days of the demo's "last 30 days": ticks every 5 days at 00:00 UTC, each labelled
    // with its UTC day, the first day's point half a day in, the last day's half a day from the end.
    void dayAxisLabelsUtcDays()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        QCategoryAxis axis;
        const qint64 first = QDateTime(QDate(2026, 11, 7), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 last = QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        setDayRange(&axis, first, last);
        QCOMPARE(axis.categoriesLabels(),
                 QStringList({"07 Nov", "12 Nov", "17 Nov", "22 Nov", "27 Nov", "02 Dec", "07 Dec"}));
        QCOMPARE(axis.endValue(QStringLiteral("12 Nov")),
                 double(QDateTime(QDate(2026, 11, 12), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()));
        QCOMPARE(axis.min(), double(first - 43200000));
        QCOMPARE(axis.max(), double(last + 43200000));
        // Set again (a refresh): the labels are replaced, not added to.
        setDayRange(&axis, first, first);
        QCOMPARE(axis.categoriesLabels(), QStringList({"07 Nov"}));
    }
};

QTEST_MAIN(TestChartAxes)
#include "tst_chart_axes.moc"

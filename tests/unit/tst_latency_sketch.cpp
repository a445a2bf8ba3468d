#include "core/aggregates/LatencySketch.h"
#include "core/aggregates/Percentiles.h"
#include "core/aggregates/WindowTotals.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>

using namespace atalaya;

class TestLatencySketch : public QObject {
    Q_OBJECT
private slots:
    void everyValueIsWithinOnePercentOfItsBucket()
    {
        qint64 worst = 0;
        double worstError = 0;
        for (qint64 v = 0; v < 3000000; v += (v < 100000 ? 1 : 37)) {
            const qint64 r = LatencySketch::representative(LatencySketch::bucketOf(v));
            const double error = v == 0 ? double(r) : std::abs(double(r - v)) / double(v);
            if (error > worstError) {
                worstError = error;
                worst = v;
            }
        }
        QVERIFY2(worstError <= 0.01, qPrintable(QStringLiteral("value %1 off by %2").arg(worst).arg(worstError)));
        QCOMPARE(LatencySketch::bucketOf(2147483647) < LatencySketch::bucketCount(), true);
    }

    void smallValuesAreExact()
    {
        for (qint64 v = 0; v < LatencySketch::kExactLimit; ++v)
            QCOMPARE(LatencySketch::representative(LatencySketch::bucketOf(v)), v);
    }

    void percentilesMatchNearestRankWithinOnePercent()
    {
        QRandomGenerator rng(7);
        std::vector<qint64> values;
        LatencySketch a;
        LatencySketch b;
        for (int i = 0; i < 20000; ++i) {
            const auto v = static_cast<qint64>(std::exp(rng.generateDouble() * 12.0));
            values.push_back(v);
            (i % 3 ? a : b).add(v);
        }
        // Merging serialized halves is the same as one sketch of everything.
        LatencySketch merged;
        QVERIFY(merged.mergeSerialized(a.serialize()));
        QVERIFY(merged.mergeSerialized(b.serialize()));
        QCOMPARE(merged.total(), qint64(values.size()));
        QVERIFY(!merged.isExact());
        for (double p : {1.0, 25.0, 50.0, 90.0, 95.0, 99.0, 99.9, 100.0}) {
            const qint64 exact = *nearestRank(values, p);
            const qint64 sketched = *merged.percentile(p);
            QVERIFY2(std::abs(double(sketched - exact)) <= 0.01 * double(exact),
                     qPrintable(QStringLiteral("p%1: %2 vs exact %3").arg(p).arg(sketched).arg(exact)));
        }
    }

    // A bucket's representative lies inside the bucket, not inside the data: alone, it can
    // exceed the largest value (p50 2 152 841 488 > max 2 147 483 647) or undercut the smallest.
    void percentilesStayWithinTheObservedRange_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::newRow("0") << QList<qint64>{0};
        QTest::newRow("1") << QList<qint64>{1};
        QTest::newRow("INT_MAX") << QList<qint64>{2147483647};
        QTest::newRow("0 and INT_MAX") << QList<qint64>{0, 2147483647};
        QTest::newRow("1 and INT_MAX") << QList<qint64>{1, 2147483647, 2147483647};
        QTest::newRow("first sketched value") << QList<qint64>{1024};
        QTest::newRow("bucket's low edge") << QList<qint64>{1025};
        QTest::newRow("bucket's high edge") << QList<qint64>{1043};
        QTest::newRow("just below INT_MAX") << QList<qint64>{2147483600, 2147483646};
    }
    void percentilesStayWithinTheObservedRange()
    {
        QFETCH(QList<qint64>, values);
        WindowTotals t;
        t.usesSketch = true;
        for (qint64 v : values) {
            t.sketch.add(v);
            t.total += 1;
            t.executionSum += v;
            t.mergeExtremes(v, v);
        }
        const WindowSummary s = t.summary();
        const qint64 lo = *std::min_element(values.begin(), values.end());
        const qint64 hi = *std::max_element(values.begin(), values.end());
        for (const auto &p : {s.execution.p50Ms, s.execution.p95Ms, s.execution.p99Ms}) {
            QVERIFY(p.has_value());
            QVERIFY2(*p >= lo && *p <= hi, qPrintable(QStringLiteral("%1 outside [%2, %3]").arg(*p).arg(lo).arg(hi)));
        }
        QVERIFY(LatencySketch::representative(LatencySketch::bucketOf(2147483647)) <= 2147483647);
    }

    void garbageIsRejected()
    {
        LatencySketch s;
        QVERIFY(!s.mergeSerialized(QByteArray("\xff\xff\xff", 3)));
        QVERIFY(s.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLatencySketch)
#include "tst_latency_sketch.moc"

#include "core/aggregates/LatencySketch.h"
#include "core/aggregates/Varint.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace atalaya;

namespace {

// The sketch as main stored it: dense over every bucket. The windowed sketch must report
// the same quantiles and write the same bytes on the same inputs.
struct DenseSketch {
    std::vector<qint64> counts = std::vector<qint64>(static_cast<size_t>(LatencySketch::bucketCount()), 0);
    qint64 total = 0;

    void add(qint64 v)
    {
        counts[static_cast<size_t>(LatencySketch::bucketOf(v))] += 1;
        total += 1;
    }
    void merge(const DenseSketch &o)
    {
        for (size_t i = 0; i < counts.size(); ++i)
            counts[i] += o.counts[i];
        total += o.total;
    }
    QByteArray serialize() const
    {
        QByteArray out;
        int previous = 0;
        for (size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] == 0)
                continue;
            putVarint(out, static_cast<quint64>(static_cast<int>(i) - previous));
            putVarint(out, static_cast<quint64>(counts[i]));
            previous = static_cast<int>(i);
        }
        return out;
    }
    std::optional<qint64> percentile(double p) const
    {
        if (total == 0)
            return std::nullopt;
        const auto rank = std::clamp<qint64>(
            static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(total) - 1e-9)), 1, total);
        qint64 seen = 0;
        for (size_t i = 0; i < counts.size(); ++i) {
            seen += counts[i];
            if (seen >= rank)
                return LatencySketch::representative(static_cast<int>(i));
        }
        return std::nullopt;
    }
};

enum class Shape { Uniform, LogNormal, Bimodal, Descending, Constant, Extremes, Exponential };

qint64 draw(Shape shape, QRandomGenerator &rng, int i, int n)
{
    switch (shape) {
    case Shape::Uniform:
        return static_cast<qint64>(rng.bounded(5000));
    case Shape::LogNormal: {
        const double u1 = std::max(rng.generateDouble(), 1e-12);
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * rng.generateDouble());
        return static_cast<qint64>(std::exp(6.0 + 0.8 * z));
    }
    case Shape::Bimodal:
        return rng.bounded(2) ? 80 + rng.bounded(40) : 40000 + rng.bounded(20000);
    case Shape::Descending:
        return static_cast<qint64>(n - i) * 97;
    case Shape::Constant:
        return 1024;
    case Shape::Extremes:
        return rng.bounded(3) == 0 ? 0 : (rng.bounded(2) ? 2147483647 : 1);
    case Shape::Exponential:
        return static_cast<qint64>(-std::log(std::max(rng.generateDouble(), 1e-12)) * 700.0);
    }
    return 0;
}

}  // namespace

class TestLatencySketchWindow : public QObject {
    Q_OBJECT
private slots:
    void sameAsDenseSketch_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("parts");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("uniform") << int(Shape::Uniform) << 20000 << 7 << 1u;
        QTest::newRow("lognormal") << int(Shape::LogNormal) << 20000 << 24 << 2u;
        QTest::newRow("bimodal") << int(Shape::Bimodal) << 5000 << 5 << 3u;
        QTest::newRow("descending") << int(Shape::Descending) << 3000 << 11 << 4u;
        QTest::newRow("constant") << int(Shape::Constant) << 100 << 3 << 5u;
        QTest::newRow("extremes") << int(Shape::Extremes) << 300 << 4 << 6u;
        QTest::newRow("exponential") << int(Shape::Exponential) << 20000 << 30 << 7u;
        QTest::newRow("one value") << int(Shape::Uniform) << 1 << 1 << 8u;
        QTest::newRow("hour-sized parts (pairs)") << int(Shape::LogNormal) << 2000 << 100 << 10u;
        QTest::newRow("parts around the pair limit") << int(Shape::Uniform) << 2400 << 48 << 11u;
        QTest::newRow("descending pairs") << int(Shape::Descending) << 400 << 20 << 12u;
        QTest::newRow("more parts than values") << int(Shape::LogNormal) << 5 << 9 << 9u;
    }
    // The rollup path: per-part sketches (hours) merged in memory and through their bytes,
    // in both orders, against the dense sketch of main on the same values.
    void sameAsDenseSketch()
    {
        QFETCH(int, shape);
        QFETCH(int, n);
        QFETCH(int, parts);
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        std::vector<LatencySketch> part(static_cast<size_t>(parts));
        std::vector<DenseSketch> densePart(static_cast<size_t>(parts));
        for (int i = 0; i < n; ++i) {
            const qint64 v = draw(static_cast<Shape>(shape), rng, i, n);
            const auto k = static_cast<size_t>(rng.bounded(parts));
            part[k].add(v);
            densePart[k].add(v);
        }
        LatencySketch merged;
        LatencySketch fromBytes;
        LatencySketch backwards;
        DenseSketch dense;
        for (size_t k = 0; k < part.size(); ++k) {
            QCOMPARE(part[k].serialize(), densePart[k].serialize());
            merged.merge(part[k]);
            QVERIFY(fromBytes.mergeSerialized(densePart[k].serialize()));
            backwards.merge(part[part.size() - 1 - k]);
            dense.merge(densePart[k]);
        }
        for (const LatencySketch *s : {&merged, &fromBytes, &backwards}) {
            QCOMPARE(s->total(), dense.total);
            QCOMPARE(s->serialize(), dense.serialize());
            for (double p : {0.1, 1.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.9, 100.0})
                QCOMPARE(s->percentile(p), dense.percentile(p));
        }
    }

    // A row main wrote, spelled out: buckets 5 (×3), 1023 (×1), 1500 (×2) as (delta, count).
    void rowOfMainIsReadTheSame()
    {
        QByteArray row;
        for (quint64 v : {5ull, 3ull, 1018ull, 1ull, 477ull, 2ull})
            putVarint(row, v);
        LatencySketch s;
        QVERIFY(s.mergeSerialized(row));
        QCOMPARE(s.total(), qint64(6));
        QVERIFY(!s.isExact());
        QCOMPARE(s.percentile(50), std::optional<qint64>(5));
        QCOMPARE(s.percentile(60), std::optional<qint64>(1023));
        QCOMPARE(s.percentile(100), std::optional<qint64>(LatencySketch::representative(1500)));
        QCOMPARE(s.serialize(), row);
        const auto b = s.buckets();
        QCOMPARE(b.size(), size_t(3));
        QCOMPARE(b.front(), (std::pair<qint64, qint64>(5, 3)));
    }

    void aBucketPastTheLastIsRejectedWhole()
    {
        QByteArray row;
        for (quint64 v : {10ull, 1ull, quint64(LatencySketch::bucketCount()), 1ull})
            putVarint(row, v);
        LatencySketch s;
        s.add(7);
        QVERIFY(!s.mergeSerialized(row));
        QCOMPARE(s.total(), qint64(1));
        QCOMPARE(s.serialize(), QByteArray("\x07\x01", 2));
    }
};

QTEST_GUILESS_MAIN(TestLatencySketchWindow)
#include "tst_latency_sketch_window.moc"

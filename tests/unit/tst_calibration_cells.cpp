#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/Varint.h"

#include <QRandomGenerator>
#include <QtTest>

#include <map>

using namespace atalaya;

namespace {

// The cells as a map per confidence, the way they were kept before the sorted vector: the
// vector must write the same bytes and give the grids the same cells.
struct MapCells {
    std::map<int, std::pair<qint64, qint64>> cells;  // confidence → (count, accuracy sum)

    void add(int confidence, qint64 accuracy, qint64 count)
    {
        auto &c = cells[confidence];
        c.first += count;
        c.second += accuracy * count;
    }
    void merge(const MapCells &o)
    {
        for (const auto &[confidence, c] : o.cells) {
            cells[confidence].first += c.first;
            cells[confidence].second += c.second;
        }
    }
    QByteArray serialize() const
    {
        QByteArray out;
        int previous = 0;
        for (const auto &[confidence, c] : cells) {
            if (c.first == 0 && c.second == 0)
                continue;
            putVarint(out, static_cast<quint64>(confidence - previous));
            putVarint(out, static_cast<quint64>(c.first));
            putVarint(out, (static_cast<quint64>(c.second) << 1) ^ static_cast<quint64>(c.second >> 63));
            previous = confidence;
        }
        return out;
    }
    std::vector<ReviewedCell> asCells() const
    {
        std::vector<ReviewedCell> out;
        for (const auto &[confidence, c] : cells) {
            if (c.first != 0)
                out.push_back({confidence, c.second, c.first});
        }
        return out;
    }
};

// Reviewed decisions of one rollup row: `n` adds around a typical confidence, accuracies
// 0, 0.5 and 1 (and now and then a negative one, as another system may write).
void fill(QRandomGenerator &rng, int n, CalibrationCells &cells, MapCells &reference)
{
    for (int i = 0; i < n; ++i) {
        const int confidence = rng.bounded(10001);
        const qint64 accuracy = rng.bounded(20) == 0 ? -rng.bounded(10000) : rng.bounded(3) * 5000;
        const qint64 count = rng.bounded(10) == 0 ? 0 : 1 + rng.bounded(3);
        cells.add(confidence, accuracy, count);
        reference.add(confidence, accuracy, count);
    }
}

bool sameCells(const std::vector<ReviewedCell> &a, const std::vector<ReviewedCell> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ReviewedCell &x, const ReviewedCell &y) {
        return x.confidenceE4 == y.confidenceE4 && x.count == y.count && x.accuracySumE4 == y.accuracySumE4;
    });
}

}  // namespace

class TestCalibrationCells : public QObject {
    Q_OBJECT
private slots:
    void sameAsAMapPerConfidence_data();
    void sameAsAMapPerConfidence();
    void repeatedConfidenceInBytesIsSummed();
    void unreadableBytesAddNothing();
};

void TestCalibrationCells::sameAsAMapPerConfidence_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("perRow");
    QTest::newRow("hour rows, few reviews") << 24 << 8;
    QTest::newRow("day rows") << 30 << 250;
    QTest::newRow("crowded (repeated confidences)") << 10 << 5000;
    QTest::newRow("one empty row") << 1 << 0;
}

// add, merge and mergeSerialized on random rows: same bytes as the map, same grid cells.
void TestCalibrationCells::sameAsAMapPerConfidence()
{
    QFETCH(int, rows);
    QFETCH(int, perRow);
    for (quint32 seed = 1; seed <= 5; ++seed) {
        QRandomGenerator rng(seed);
        CalibrationCells merged;
        CalibrationCells fromBytes;
        MapCells reference;
        for (int r = 0; r < rows; ++r) {
            CalibrationCells row;
            MapCells rowReference;
            fill(rng, perRow, row, rowReference);
            QCOMPARE(row.serialize(), rowReference.serialize());
            merged.merge(row);
            QVERIFY(fromBytes.mergeSerialized(row.serialize()));
            reference.merge(rowReference);
        }
        QCOMPARE(merged.serialize(), reference.serialize());
        QCOMPARE(fromBytes.serialize(), reference.serialize());
        QCOMPARE(merged.isEmpty(), reference.cells.empty());
        QCOMPARE(merged.serializePercents(), fromBytes.serializePercents());

        CalibrationGrid grid;
        grid.add(merged);
        QVERIFY(sameCells(grid.cells(), reference.asCells()));
        CalibrationGrid gridFromBytes;
        QVERIFY(gridFromBytes.addSerialized(reference.serialize()));
        QVERIFY(sameCells(gridFromBytes.cells(), reference.asCells()));
    }
}

// serialize never repeats a confidence, but bytes from elsewhere may (a delta of 0): the
// map summed them into one cell, and so must the vector.
void TestCalibrationCells::repeatedConfidenceInBytesIsSummed()
{
    QByteArray bytes;
    for (const auto &[delta, count, sum] : std::vector<std::tuple<int, int, int>>{
             {0, 1, 10000}, {5000, 2, 10000}, {0, 1, 5000}, {0, 3, 0}, {100, 1, 10000}}) {
        putVarint(bytes, static_cast<quint64>(delta));
        putVarint(bytes, static_cast<quint64>(count));
        putVarint(bytes, static_cast<quint64>(sum) << 1);
    }
    CalibrationCells cells;
    cells.add(5000, 10000);
    QVERIFY(cells.mergeSerialized(bytes));
    MapCells reference;
    reference.add(0, 10000, 1);
    reference.add(5000, 10000, 1);
    reference.cells[5000].first += 2 + 1 + 3;
    reference.cells[5000].second += 10000 + 5000;
    reference.add(5100, 10000, 1);
    QCOMPARE(cells.serialize(), reference.serialize());
}

void TestCalibrationCells::unreadableBytesAddNothing()
{
    CalibrationCells cells;
    cells.add(7000, 10000);
    const QByteArray before = cells.serialize();
    QByteArray truncated;
    putVarint(truncated, 10);
    putVarint(truncated, 1);
    QVERIFY(!cells.mergeSerialized(truncated));
    QByteArray outOfRange;
    for (quint64 v : {quint64(9000), quint64(1), quint64(0), quint64(2000), quint64(1), quint64(0)})
        putVarint(outOfRange, v);
    QVERIFY(!cells.mergeSerialized(outOfRange));
    QCOMPARE(cells.serialize(), before);
}

QTEST_APPLESS_MAIN(TestCalibrationCells)
#include "tst_calibration_cells.moc"

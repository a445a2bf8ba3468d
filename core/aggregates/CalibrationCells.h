#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <array>
#include <vector>

namespace atalaya {

// Reviewed decisions that share a confidence (integer units of 10⁻⁴): how many, and the sum
// of their accuracies × 10⁴. The exact input of any calibration table: a bin of any width
// is a range of confidences, so its count and sums are sums of cells.
struct ReviewedCell {
    int confidenceE4 = 0;
    qint64 accuracySumE4 = 0;
    qint64 count = 0;
};

// Reviewed decisions whose confidence falls in [percent, percent + 1) % (100 % in the last):
// how many, and the sums of their confidences and accuracies × 10⁴. A table of `bins` bins is
// a partition of these whenever bins divides 100 (the dashboard's 10), with ~50 non-empty
// per rollup row where the 10⁻⁴ cells hold one per reviewed decision.
struct ReviewedPercent {
    int percent = 0;
    qint64 count = 0;
    qint64 confidenceSumE4 = 0;
    qint64 accuracySumE4 = 0;
};

// The cells of one rollup row (sparse): built from raw rows, stored as a BLOB, merged.
class CalibrationCells {
public:
    void add(int confidenceE4, qint64 accuracyE4, qint64 count = 1);
    void merge(const CalibrationCells &other);
    // Adds serialized cells; false when the bytes are not such (then nothing is added).
    bool mergeSerialized(const QByteArray &bytes);
    QByteArray serialize() const;
    // The same decisions per percent (ReviewedPercent), for PercentGrid::addSerialized.
    QByteArray serializePercents() const;
    bool isEmpty() const { return m_cells.empty(); }

private:
    friend class CalibrationGrid;
    friend class PercentGrid;
    // Adds cells sorted by confidence, one per confidence.
    void mergeSorted(std::vector<ReviewedCell> &&cells);
    // Sorted by confidence, one per confidence. Not a std::map: a window's reads parse the
    // cells of thousands of rollup rows, and a node per cell made that most of their time.
    std::vector<ReviewedCell> m_cells;
};

// The cells of a whole window: one dense slot per confidence 0..10000, so merging the
// thousands of rollup BLOBs of a window is a linear pass over each.
class CalibrationGrid {
public:
    static constexpr int kSlots = 10001;

    void add(const CalibrationCells &cells);
    void add(const ReviewedCell &cell);
    // False when the bytes are not a serialized CalibrationCells (then nothing is added).
    bool addSerialized(const QByteArray &bytes);
    std::vector<ReviewedCell> cells() const;

private:
    std::vector<std::pair<qint64, qint64>> m_slots;  // allocated on first add
};

// The percents of a whole window (100 dense slots).
class PercentGrid {
public:
    static constexpr int kSlots = 100;
    static int percentOf(int confidenceE4);

    void add(const CalibrationCells &cells);
    void add(const ReviewedCell &cell);
    void add(const ReviewedPercent &percent);
    // False when the bytes are not serialized percents (then nothing is added).
    bool addSerialized(const QByteArray &bytes);
    std::vector<ReviewedPercent> percents() const;

private:
    std::array<ReviewedPercent, kSlots> m_slots{};
};

}  // namespace atalaya

#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <map>
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

// The cells of one rollup row (sparse): built from raw rows, stored as a BLOB, merged.
class CalibrationCells {
public:
    void add(int confidenceE4, qint64 accuracyE4, qint64 count = 1);
    void merge(const CalibrationCells &other);
    // Adds serialized cells; false when the bytes are not such (then nothing is added).
    bool mergeSerialized(const QByteArray &bytes);
    QByteArray serialize() const;
    bool isEmpty() const { return m_cells.empty(); }

private:
    friend class CalibrationGrid;
    std::map<int, std::pair<qint64, qint64>> m_cells;  // confidence → (count, accuracy sum)
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

} // namespace atalaya

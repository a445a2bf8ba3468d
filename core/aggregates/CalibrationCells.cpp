#include "core/aggregates/CalibrationCells.h"

#include "core/aggregates/Varint.h"

#include <algorithm>

namespace atalaya {
namespace {

// Accuracies written by other systems may be negative: zigzag keeps their varints short.
quint64 zigzag(qint64 v)
{
    return (static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return static_cast<qint64>(v >> 1) ^ -static_cast<qint64>(v & 1);
}

bool parse(const QByteArray &bytes, std::vector<ReviewedCell> &out)
{
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    int confidence = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 count = 0;
        quint64 sum = 0;
        if (!getVarint(p, end, delta) || !getVarint(p, end, count) || !getVarint(p, end, sum))
            return false;
        confidence += static_cast<int>(delta);
        if (delta > quint64(CalibrationGrid::kSlots) || confidence >= CalibrationGrid::kSlots)
            return false;
        out.push_back({confidence, unzigzag(sum), static_cast<qint64>(count)});
    }
    return true;
}

}  // namespace

void CalibrationCells::add(int confidenceE4, qint64 accuracyE4, qint64 count)
{
    auto it = std::lower_bound(m_cells.begin(), m_cells.end(), confidenceE4,
                               [](const ReviewedCell &c, int confidence) { return c.confidenceE4 < confidence; });
    if (it == m_cells.end() || it->confidenceE4 != confidenceE4)
        it = m_cells.insert(it, ReviewedCell{confidenceE4, 0, 0});
    it->count += count;
    it->accuracySumE4 += accuracyE4 * count;
}

void CalibrationCells::mergeSorted(std::vector<ReviewedCell> &&cells)
{
    if (m_cells.empty()) {
        m_cells = std::move(cells);
        return;
    }
    std::vector<ReviewedCell> out;
    out.reserve(m_cells.size() + cells.size());
    auto a = m_cells.cbegin();
    auto b = cells.cbegin();
    while (a != m_cells.cend() || b != cells.cend()) {
        if (b == cells.cend() || (a != m_cells.cend() && a->confidenceE4 < b->confidenceE4)) {
            out.push_back(*a++);
        } else if (a == m_cells.cend() || b->confidenceE4 < a->confidenceE4) {
            out.push_back(*b++);
        } else {
            out.push_back({a->confidenceE4, a->accuracySumE4 + b->accuracySumE4, a->count + b->count});
            ++a;
            ++b;
        }
    }
    m_cells = std::move(out);
}

void CalibrationCells::merge(const CalibrationCells &other)
{
    mergeSorted(std::vector<ReviewedCell>(other.m_cells));
}

bool CalibrationCells::mergeSerialized(const QByteArray &bytes)
{
    std::vector<ReviewedCell> parsed;
    if (!parse(bytes, parsed))
        return false;
    // Confidences never decrease in the bytes; a repeated one (not written by serialize) is
    // summed into its cell.
    auto last = parsed.begin();
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        if (it != parsed.begin() && it->confidenceE4 == last->confidenceE4) {
            last->count += it->count;
            last->accuracySumE4 += it->accuracySumE4;
        } else {
            if (it != parsed.begin())
                ++last;
            *last = *it;
        }
    }
    if (!parsed.empty())
        parsed.erase(last + 1, parsed.end());
    mergeSorted(std::move(parsed));
    return true;
}

QByteArray CalibrationCells::serialize() const
{
    // Triples (confidence delta, count, zigzag accuracy sum) of the non-empty cells.
    QByteArray out;
    int previous = 0;
    for (const ReviewedCell &cell : m_cells) {
        if (cell.count == 0 && cell.accuracySumE4 == 0)
            continue;
        putVarint(out, static_cast<quint64>(cell.confidenceE4 - previous));
        putVarint(out, static_cast<quint64>(cell.count));
        putVarint(out, zigzag(cell.accuracySumE4));
        previous = cell.confidenceE4;
    }
    return out;
}

QByteArray CalibrationCells::serializePercents() const
{
    PercentGrid grid;
    grid.add(*this);
    // Quads (percent delta, count, confidence sum, zigzag accuracy sum) of the non-empty ones.
    QByteArray out;
    int previous = 0;
    for (const ReviewedPercent &p : grid.percents()) {
        putVarint(out, static_cast<quint64>(p.percent - previous));
        putVarint(out, static_cast<quint64>(p.count));
        putVarint(out, zigzag(p.confidenceSumE4));
        putVarint(out, zigzag(p.accuracySumE4));
        previous = p.percent;
    }
    return out;
}

void CalibrationGrid::add(const CalibrationCells &cells)
{
    for (const ReviewedCell &cell : cells.m_cells)
        add(cell);
}

void CalibrationGrid::add(const ReviewedCell &cell)
{
    if (cell.confidenceE4 < 0 || cell.confidenceE4 >= kSlots)
        return;
    if (m_slots.empty())
        m_slots.assign(kSlots, {0, 0});
    auto &slot = m_slots[static_cast<size_t>(cell.confidenceE4)];
    slot.first += cell.count;
    slot.second += cell.accuracySumE4;
}

bool CalibrationGrid::addSerialized(const QByteArray &bytes)
{
    std::vector<ReviewedCell> parsed;
    if (!parse(bytes, parsed))
        return false;
    for (const ReviewedCell &c : parsed)
        add(c);
    return true;
}

std::vector<ReviewedCell> CalibrationGrid::cells() const
{
    std::vector<ReviewedCell> out;
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].first != 0)
            out.push_back({static_cast<int>(i), m_slots[i].second, m_slots[i].first});
    }
    return out;
}

int PercentGrid::percentOf(int confidenceE4)
{
    return std::clamp(confidenceE4 / 100, 0, kSlots - 1);
}

void PercentGrid::add(const CalibrationCells &cells)
{
    for (const ReviewedCell &cell : cells.m_cells)
        add(cell);
}

void PercentGrid::add(const ReviewedCell &cell)
{
    // Cells outside 0..10000 cannot come from valid rows; CalibrationGrid drops them too.
    if (cell.confidenceE4 < 0 || cell.confidenceE4 >= CalibrationGrid::kSlots)
        return;
    ReviewedPercent &slot = m_slots[static_cast<size_t>(percentOf(cell.confidenceE4))];
    slot.count += cell.count;
    slot.confidenceSumE4 += qint64(cell.confidenceE4) * cell.count;
    slot.accuracySumE4 += cell.accuracySumE4;
}

void PercentGrid::add(const ReviewedPercent &percent)
{
    if (percent.percent < 0 || percent.percent >= kSlots)
        return;
    ReviewedPercent &slot = m_slots[static_cast<size_t>(percent.percent)];
    slot.count += percent.count;
    slot.confidenceSumE4 += percent.confidenceSumE4;
    slot.accuracySumE4 += percent.accuracySumE4;
}

bool PercentGrid::addSerialized(const QByteArray &bytes)
{
    std::vector<ReviewedPercent> parsed;
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    int percent = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 count = 0;
        quint64 confidence = 0;
        quint64 accuracy = 0;
        if (!getVarint(p, end, delta) || !getVarint(p, end, count) || !getVarint(p, end, confidence)
            || !getVarint(p, end, accuracy))
            return false;
        if (delta >= quint64(kSlots) || percent + static_cast<int>(delta) >= kSlots)
            return false;
        percent += static_cast<int>(delta);
        parsed.push_back({percent, static_cast<qint64>(count), unzigzag(confidence), unzigzag(accuracy)});
    }
    for (const ReviewedPercent &r : parsed) {
        ReviewedPercent &slot = m_slots[static_cast<size_t>(r.percent)];
        slot.count += r.count;
        slot.confidenceSumE4 += r.confidenceSumE4;
        slot.accuracySumE4 += r.accuracySumE4;
    }
    return true;
}

std::vector<ReviewedPercent> PercentGrid::percents() const
{
    std::vector<ReviewedPercent> out;
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (m_slots[i].count != 0) {
            out.push_back(m_slots[i]);
            out.back().percent = static_cast<int>(i);
        }
    }
    return out;
}

}  // namespace atalaya

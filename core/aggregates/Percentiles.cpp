#include "core/aggregates/Percentiles.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

qint64 rankFor(double p, qint64 n)
{
    const auto rank = static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(n) - 1e-9));
    return std::clamp<qint64>(rank, 1, n);
}

}  // namespace

std::optional<qint64> nearestRank(std::vector<qint64> values, double p)
{
    if (values.empty())
        return std::nullopt;
    const qint64 rank = rankFor(p, static_cast<qint64>(values.size()));
    auto nth = values.begin() + (rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

void ValueHistogram::add(qint64 value, qint64 count)
{
    if (count <= 0)
        return;
    m_counts[value] += count;
    m_total += count;
}

std::optional<qint64> ValueHistogram::percentile(double p) const
{
    if (m_total == 0)
        return std::nullopt;
    const qint64 rank = rankFor(p, m_total);
    qint64 seen = 0;
    for (const auto &[value, count] : m_counts) {
        seen += count;
        if (seen >= rank)
            return value;
    }
    return m_counts.rbegin()->first;
}

}  // namespace atalaya

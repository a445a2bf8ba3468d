#pragma once

#include <QtGlobal>

#include <map>
#include <optional>
#include <vector>

namespace atalaya {

// Nearest-rank percentile (docs/CLI.md): the value at rank ceil(p/100 · N) of the sorted values.
// Exact. Empty input → nullopt.
std::optional<qint64> nearestRank(std::vector<qint64> values, double p);

// The same over a value → count histogram (execution times are integers, so a GROUP BY of
// the window gives an exact, small histogram).
class ValueHistogram {
public:
    void add(qint64 value, qint64 count = 1);
    qint64 total() const { return m_total; }
    std::optional<qint64> percentile(double p) const;
    const std::map<qint64, qint64> &counts() const { return m_counts; }

private:
    std::map<qint64, qint64> m_counts;
    qint64 m_total = 0;
};

}  // namespace atalaya

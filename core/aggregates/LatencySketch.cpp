#include "core/aggregates/LatencySketch.h"

#include "core/aggregates/Varint.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

const double kLogGamma = std::log(LatencySketch::kGamma);

qint64 rankFor(double p, qint64 n)
{
    const auto rank = static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(n) - 1e-9));
    return std::clamp<qint64>(rank, 1, n);
}

double lowerBound(int bucket)
{
    if (bucket <= LatencySketch::kExactLimit)
        return bucket;
    return LatencySketch::kExactLimit * std::pow(LatencySketch::kGamma, bucket - LatencySketch::kExactLimit);
}

}  // namespace

int LatencySketch::bucketOf(qint64 valueMs)
{
    if (valueMs < kExactLimit)
        return static_cast<int>(std::max<qint64>(valueMs, 0));
    const double steps = std::log(static_cast<double>(valueMs) / kExactLimit) / kLogGamma;
    int bucket = kExactLimit + static_cast<int>(std::floor(steps));
    // Keep the bucket's integer range consistent when log() lands a hair off an edge.
    if (lowerBound(bucket + 1) <= static_cast<double>(valueMs))
        ++bucket;
    else if (lowerBound(bucket) > static_cast<double>(valueMs))
        --bucket;
    return std::min(bucket, bucketCount() - 1);
}

qint64 LatencySketch::representative(int bucket)
{
    if (bucket < kExactLimit)
        return bucket;
    const double lo = lowerBound(bucket);
    const double hi = lowerBound(bucket + 1);
    const auto first = static_cast<qint64>(std::ceil(lo));
    const auto last = static_cast<qint64>(std::ceil(hi)) - 1;
    // The value with equal relative error to both ends of the bucket.
    const auto mid = static_cast<qint64>(std::llround(2.0 * lo * hi / (lo + hi)));
    // The last bucket runs past 2^31 − 1, the largest execution_time_ms (INT) there is.
    constexpr qint64 kLargest = 2147483647;
    return std::min(std::clamp(mid, first, std::max(first, last)), kLargest);
}

int LatencySketch::bucketCount()
{
    static const int count =
        kExactLimit + static_cast<int>(std::ceil(std::log(2147483648.0 / kExactLimit) / kLogGamma)) + 1;
    return count;
}

void LatencySketch::add(qint64 valueMs, qint64 count)
{
    if (count <= 0)
        return;
    if (m_counts.empty())
        m_counts.assign(static_cast<size_t>(bucketCount()), 0);
    m_counts[static_cast<size_t>(bucketOf(valueMs))] += count;
    m_total += count;
}

void LatencySketch::merge(const LatencySketch &other)
{
    if (other.m_total == 0)
        return;
    if (m_counts.empty())
        m_counts.assign(static_cast<size_t>(bucketCount()), 0);
    for (size_t i = 0; i < other.m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
}

QByteArray LatencySketch::serialize() const
{
    // Pairs (bucket delta, count) of the non-empty buckets, as varints.
    QByteArray out;
    int previous = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i] == 0)
            continue;
        putVarint(out, static_cast<quint64>(static_cast<int>(i) - previous));
        putVarint(out, static_cast<quint64>(m_counts[i]));
        previous = static_cast<int>(i);
    }
    return out;
}

bool LatencySketch::mergeSerialized(const QByteArray &bytes)
{
    std::vector<std::pair<int, qint64>> entries;
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    int bucket = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 count = 0;
        if (!getVarint(p, end, delta) || !getVarint(p, end, count))
            return false;
        bucket += static_cast<int>(delta);
        if (bucket >= bucketCount())
            return false;
        entries.emplace_back(bucket, static_cast<qint64>(count));
    }
    if (entries.empty())
        return true;
    if (m_counts.empty())
        m_counts.assign(static_cast<size_t>(bucketCount()), 0);
    for (const auto &[b, c] : entries) {
        m_counts[static_cast<size_t>(b)] += c;
        m_total += c;
    }
    return true;
}

bool LatencySketch::isExact() const
{
    for (size_t i = kExactLimit; i < m_counts.size(); ++i) {
        if (m_counts[i] != 0)
            return false;
    }
    return true;
}

std::optional<qint64> LatencySketch::percentile(double p) const
{
    if (m_total == 0)
        return std::nullopt;
    const qint64 rank = rankFor(p, m_total);
    qint64 seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return representative(static_cast<int>(i));
    }
    return std::nullopt;
}

std::vector<std::pair<qint64, qint64>> LatencySketch::buckets() const
{
    std::vector<std::pair<qint64, qint64>> out;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i] > 0)
            out.emplace_back(representative(static_cast<int>(i)), m_counts[i]);
    }
    return out;
}

}  // namespace atalaya

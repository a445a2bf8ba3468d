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

template<typename F>
void LatencySketch::forEachBucket(F f) const
{
    if (m_counts.empty()) {
        for (const auto &[bucket, count] : m_sparse) {
            if (count != 0 && f(bucket, count))
                return;
        }
        return;
    }
    for (size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i] != 0 && f(m_base + static_cast<int>(i), m_counts[i]))
            return;
    }
}

void LatencySketch::cover(int lo, int hi)
{
    if (m_counts.empty()) {
        m_base = lo;
        m_counts.assign(static_cast<size_t>(hi - lo + 1), 0);
        return;
    }
    const int top = m_base + static_cast<int>(m_counts.size()) - 1;
    if (lo < m_base) {
        m_counts.insert(m_counts.begin(), static_cast<size_t>(m_base - lo), 0);
        m_base = lo;
    }
    if (hi > top)
        m_counts.resize(m_counts.size() + static_cast<size_t>(hi - top), 0);
}

void LatencySketch::densify()
{
    if (!m_counts.empty())
        return;
    if (m_sparse.empty()) {
        m_sparse.shrink_to_fit();
        return;
    }
    cover(m_sparse.front().first, m_sparse.back().first);
    for (const auto &[bucket, count] : m_sparse)
        m_counts[static_cast<size_t>(bucket - m_base)] += count;
    m_sparse.clear();
    m_sparse.shrink_to_fit();
}

void LatencySketch::addBucket(int bucket, qint64 count)
{
    m_total += count;
    if (m_counts.empty()) {
        const auto at = std::lower_bound(m_sparse.begin(), m_sparse.end(), bucket,
                                         [](const auto &entry, int b) { return entry.first < b; });
        if (at != m_sparse.end() && at->first == bucket) {
            at->second += count;
            return;
        }
        if (m_sparse.size() < kSparseLimit) {
            m_sparse.insert(at, {bucket, count});
            return;
        }
        densify();
    }
    cover(bucket, bucket);
    m_counts[static_cast<size_t>(bucket - m_base)] += count;
}

void LatencySketch::add(qint64 valueMs, qint64 count)
{
    if (count <= 0)
        return;
    addBucket(bucketOf(valueMs), count);
}

void LatencySketch::merge(const LatencySketch &other)
{
    if (other.m_total == 0)
        return;
    if (other.m_counts.empty()) {
        for (const auto &[bucket, count] : other.m_sparse)
            addBucket(bucket, count);
        return;
    }
    densify();
    cover(other.m_base, other.m_base + static_cast<int>(other.m_counts.size()) - 1);
    qint64 *into = m_counts.data() + (other.m_base - m_base);
    for (size_t i = 0; i < other.m_counts.size(); ++i)
        into[i] += other.m_counts[i];
    m_total += other.m_total;
}

QByteArray LatencySketch::serialize() const
{
    // Pairs (bucket delta, count) of the non-empty buckets, as varints; the first delta is
    // from bucket 0. The same bytes main's dense sketch wrote, so stored rows of either read.
    QByteArray out;
    out.reserve(64);
    int previous = 0;
    forEachBucket([&](int bucket, qint64 count) {
        putVarint(out, static_cast<quint64>(bucket - previous));
        putVarint(out, static_cast<quint64>(count));
        previous = bucket;
        return false;
    });
    return out;
}

bool LatencySketch::mergeSerialized(const QByteArray &bytes)
{
    // Two passes over the bytes (check and find the span, then add) so a bad BLOB adds
    // nothing and a good one needs no list of its entries.
    const char *const begin = bytes.constData();
    const char *const end = begin + bytes.size();
    const char *p = begin;
    qint64 bucket = 0;
    int lo = -1;
    size_t entries = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 count = 0;
        if (!getVarint(p, end, delta) || !getVarint(p, end, count))
            return false;
        if (delta >= static_cast<quint64>(bucketCount()))
            return false;
        bucket += static_cast<qint64>(delta);
        if (bucket >= bucketCount())
            return false;
        if (lo < 0)
            lo = static_cast<int>(bucket);
        ++entries;
    }
    if (lo < 0)
        return true;
    const bool dense = !m_counts.empty() || m_sparse.size() + entries > kSparseLimit;
    if (dense) {
        densify();
        cover(lo, static_cast<int>(bucket));
    }
    p = begin;
    bucket = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 count = 0;
        getVarint(p, end, delta);
        getVarint(p, end, count);
        bucket += static_cast<qint64>(delta);
        if (dense) {
            m_counts[static_cast<size_t>(bucket - m_base)] += static_cast<qint64>(count);
            m_total += static_cast<qint64>(count);
        } else {
            addBucket(static_cast<int>(bucket), static_cast<qint64>(count));
        }
    }
    return true;
}

bool LatencySketch::isExact() const
{
    bool exact = true;
    forEachBucket([&](int bucket, qint64) {
        exact = bucket < kExactLimit;
        return !exact;
    });
    return exact;
}

std::optional<qint64> LatencySketch::percentile(double p) const
{
    if (m_total == 0)
        return std::nullopt;
    const qint64 rank = rankFor(p, m_total);
    qint64 seen = 0;
    std::optional<qint64> out;
    forEachBucket([&](int bucket, qint64 count) {
        seen += count;
        if (seen >= rank)
            out = representative(bucket);
        return out.has_value();
    });
    return out;
}

std::vector<std::pair<qint64, qint64>> LatencySketch::buckets() const
{
    std::vector<std::pair<qint64, qint64>> out;
    forEachBucket([&](int bucket, qint64 count) {
        if (count > 0)
            out.emplace_back(representative(bucket), count);
        return false;
    });
    return out;
}

}  // namespace atalaya

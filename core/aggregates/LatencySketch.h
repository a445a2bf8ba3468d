#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>
#include <utility>
#include <vector>

namespace atalaya {

// A mergeable execution-time histogram: exact integer buckets below 1024 ms, 1.9 %-wide
// log buckets above, so every percentile it reports is within 1 % of the exact nearest-rank
// value (the bucket's integer representative is within 0.95 % of any value in it, plus
// < 0.05 % of rounding). Rollup rows store it as a compact BLOB (serialize/merge).
class LatencySketch {
public:
    static constexpr int kExactLimit = 1024;
    static constexpr double kGamma = 1.019;

    static int bucketOf(qint64 valueMs);
    static qint64 representative(int bucket);
    static int bucketCount();

    void add(qint64 valueMs, qint64 count = 1);
    void merge(const LatencySketch &other);
    // Adds a serialized sketch; false when the bytes are not one (then nothing is added).
    bool mergeSerialized(const QByteArray &bytes);
    QByteArray serialize() const;

    qint64 total() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }
    // True while every value fell in the exact buckets (then percentiles are exact).
    bool isExact() const;
    // Nearest rank over the buckets (the value at rank ceil(p/100 · N)).
    std::optional<qint64> percentile(double p) const;
    // The non-empty buckets as (representative, count), ascending: a histogram for tests that
    // compare two windows' distributions.
    std::vector<std::pair<qint64, qint64>> buckets() const;

private:
    // Below this many distinct buckets the sketch keeps (bucket, count) pairs: an hour row's
    // sketch holds a few dozen values, and its add, merge and serialize then cost as much.
    static constexpr size_t kSparseLimit = 48;

    void addBucket(int bucket, qint64 count);
    // Moves the pairs into the dense window.
    void densify();
    // Widens the dense window to hold buckets lo..hi, keeping the counts already in it.
    void cover(int lo, int hi);
    // Calls f(bucket, count) for each non-empty bucket, ascending; stops when f returns true.
    template<typename F>
    void forEachBucket(F f) const;

    std::vector<std::pair<int, qint64>> m_sparse;  // ascending by bucket, while m_counts is empty
    // Dense over the buckets from m_base to the highest one seen, not over all ~1 600.
    std::vector<qint64> m_counts;
    int m_base = 0;
    qint64 m_total = 0;
};

}  // namespace atalaya

#pragma once

#include "core/aggregates/LatencySketch.h"
#include "core/aggregates/Percentiles.h"
#include "core/aggregates/StatsTypes.h"

namespace atalaya {

// The mergeable, integer-unit form of a WindowSummary: what one SQL aggregate, one rollup
// row or one edge of a window contributes. Merging then finishing gives the same figures as
// one aggregate over the union (sums are exact integers: confidence and accuracy × 10⁴).
struct WindowTotals {
    qint64 total = 0;
    qint64 withFeedback = 0;
    qint64 accuracySum = 0;  // × 10⁴, over rows with feedback
    qint64 correct = 0;
    qint64 incorrect = 0;
    qint64 partiallyCorrect = 0;
    std::array<qint64, 5> buckets{};
    qint64 confidenceSum = 0;  // × 10⁴
    qint64 executionSum = 0;
    std::optional<qint64> executionMin;
    std::optional<qint64> executionMax;
    DataQuality quality;
    // Exact values from raw rows; the sketch holds rollup histograms (percentiles then come
    // from the sketch, with the exact values added to it).
    ValueHistogram exact;
    LatencySketch sketch;
    bool usesSketch = false;

    void mergeCounts(const WindowTotals &o);
    void mergeExtremes(std::optional<qint64> min, std::optional<qint64> max);
    void merge(const WindowTotals &o);
    // Nearest rank of the execution times: exact without the sketch, else the sketch's value
    // (within 1 %) clamped to the observed minimum and maximum.
    std::optional<qint64> percentile(double p) const;
    // Whether percentile() is exact: no sketch, or every value in its exact buckets.
    bool percentilesExact() const;
    WindowSummary summary() const;
};

}  // namespace atalaya

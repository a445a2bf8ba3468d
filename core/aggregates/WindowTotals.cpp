#include "core/aggregates/WindowTotals.h"

#include <algorithm>

namespace atalaya {

void WindowTotals::mergeCounts(const WindowTotals &o)
{
    total += o.total;
    withFeedback += o.withFeedback;
    accuracySum += o.accuracySum;
    correct += o.correct;
    incorrect += o.incorrect;
    partiallyCorrect += o.partiallyCorrect;
    for (size_t i = 0; i < buckets.size(); ++i)
        buckets[i] += o.buckets[i];
    confidenceSum += o.confidenceSum;
    executionSum += o.executionSum;
    quality.confidenceOutOfRange += o.quality.confidenceOutOfRange;
    quality.negativeExecutionTime += o.quality.negativeExecutionTime;
    quality.unknownFeedback += o.quality.unknownFeedback;
    quality.invalidJson += o.quality.invalidJson;
    quality.excludedRows += o.quality.excludedRows;
}

void WindowTotals::mergeExtremes(std::optional<qint64> min, std::optional<qint64> max)
{
    if (min && (!executionMin || *min < *executionMin))
        executionMin = min;
    if (max && (!executionMax || *max > *executionMax))
        executionMax = max;
}

void WindowTotals::merge(const WindowTotals &o)
{
    mergeCounts(o);
    mergeExtremes(o.executionMin, o.executionMax);
    for (const auto &[value, count] : o.exact.counts())
        exact.add(value, count);
    sketch.merge(o.sketch);
    usesSketch = usesSketch || o.usesSketch;
}

std::optional<qint64> WindowTotals::percentile(double p) const
{
    if (!usesSketch)
        return exact.percentile(p);
    LatencySketch all = sketch;
    for (const auto &[value, count] : exact.counts())
        all.add(value, count);
    // A bucket's representative may lie past the values it holds (a single 2 147 483 647
    // reads as 2 152 841 488): no percentile goes beyond what was observed.
    std::optional<qint64> v = all.percentile(p);
    if (v && executionMin)
        v = std::max(*v, *executionMin);
    if (v && executionMax)
        v = std::min(*v, *executionMax);
    return v;
}

bool WindowTotals::percentilesExact() const
{
    if (!usesSketch)
        return true;
    const bool exactBeyondBuckets =
        !exact.counts().empty() && exact.counts().rbegin()->first >= LatencySketch::kExactLimit;
    return sketch.isExact() && !exactBeyondBuckets;
}

WindowSummary WindowTotals::summary() const
{
    WindowSummary s;
    if (total == 0)
        return s;
    s.accuracy.totalDecisions = total;
    s.accuracy.totalWithFeedback = withFeedback;
    if (withFeedback > 0)
        s.accuracy.accuracyAvg = static_cast<double>(accuracySum) / 10000.0 / static_cast<double>(withFeedback);
    s.accuracy.correct = correct;
    s.accuracy.incorrect = incorrect;
    s.accuracy.partiallyCorrect = partiallyCorrect;
    s.confidence.totalDecisions = total;
    s.confidence.counts = buckets;
    s.avgConfidence = static_cast<double>(confidenceSum) / 10000.0 / static_cast<double>(total);
    s.execution.avgMs = static_cast<double>(executionSum) / static_cast<double>(total);
    s.execution.minMs = executionMin;
    s.execution.maxMs = executionMax;
    s.execution.p50Ms = percentile(50);
    s.execution.p95Ms = percentile(95);
    s.execution.p99Ms = percentile(99);
    return s;
}

}  // namespace atalaya

#include "core/insights/Detectors.h"

#include <algorithm>
#include <cmath>

namespace atalaya::insights {
namespace {

// Thresholds of docs/INSIGHTS.md §Thresholds: below them a significant change is not worth
// a reader's attention (at 10 M rows almost any difference is significant).
constexpr double kMinAccuracyDrop = 0.03;
constexpr double kMinLatencyRatio = 1.2;
constexpr qint64 kMinLatencyIncreaseMs = 10;
constexpr double kMinPsi = 0.10;
constexpr double kHighPsi = 0.25;
constexpr double kMinFeedbackRelativeDrop = 0.25;
constexpr double kMinFeedbackDropPoints = 5.0;
constexpr double kVolumeLow = 2.0 / 3.0;
constexpr double kVolumeHigh = 1.5;
constexpr double kMinEceRise = 0.03;

double ratio(qint64 num, qint64 den)
{
    return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

Insight base(const ScopeWindows &s, InsightKind kind, const QString &metric)
{
    Insight i;
    i.kind = kind;
    i.agentId = s.agentId;
    i.taskType = s.taskType;
    i.metric = metric;
    return i;
}

void accuracyDrop(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    const ScoreCounts b = scoreCounts(s.baseline.totals);
    const ScoreCounts c = scoreCounts(s.current.totals);
    if (b.n() < minN || c.n() < minN)
        return;
    Insight i = base(s, InsightKind::AccuracyDrop, QStringLiteral("accuracy_avg"));
    i.baseline = b.mean();
    i.current = c.mean();
    i.change = c.mean() - b.mean();
    i.nBaseline = b.n();
    i.nCurrent = c.n();
    i.pValue = scoreDrop(b, c).pValue;
    const double drop = -i.change;
    i.severity = (i.current < kAccuracyAlertLine || drop >= 0.10) ? InsightSeverity::High
        : drop >= 0.05                                            ? InsightSeverity::Medium
                                                                  : InsightSeverity::Low;
    out.push_back({i, drop >= kMinAccuracyDrop});
}

void latencyIncrease(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    if (s.baseline.totals.total < minN || s.current.totals.total < minN)
        return;
    const WindowSummary b = s.baseline.totals.summary();
    const WindowSummary c = s.current.totals.summary();
    const auto hb = latencyHistogram(s.baseline.totals);
    const auto hc = latencyHistogram(s.current.totals);
    const struct {
        const char *metric;
        double p;
        std::optional<qint64> before;
        std::optional<qint64> now;
    } quantiles[] = {{"p50_execution_time_ms", 50, b.execution.p50Ms, c.execution.p50Ms},
                     {"p95_execution_time_ms", 95, b.execution.p95Ms, c.execution.p95Ms}};
    for (const auto &q : quantiles) {
        if (!q.before || !q.now)
            continue;
        Insight i = base(s, InsightKind::LatencyIncrease, QString::fromLatin1(q.metric));
        i.baseline = static_cast<double>(*q.before);
        i.current = static_cast<double>(*q.now);
        i.change = i.current - *i.baseline;
        i.nBaseline = s.baseline.totals.total;
        i.nCurrent = s.current.totals.total;
        i.pValue = quantileRise(hb, hc, q.p).pValue;
        const double r = *q.before > 0 ? i.current / *i.baseline : 0.0;
        // The seed's alert line is P95 > 500 ms: crossing it is as serious as doubling.
        const bool crossesAlert = q.p == 95 && *q.now > 500 && *q.before <= 500;
        i.severity = (r >= 2.0 || crossesAlert) ? InsightSeverity::High
            : r >= 1.5                          ? InsightSeverity::Medium
                                                : InsightSeverity::Low;
        out.push_back({i, r >= kMinLatencyRatio && *q.now - *q.before >= kMinLatencyIncreaseMs});
    }
}

void confidenceShift(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    const WindowTotals &b = s.baseline.totals;
    const WindowTotals &c = s.current.totals;
    if (b.total < minN || c.total < minN)
        return;
    Insight i = base(s, InsightKind::ConfidenceShift, QStringLiteral("confidence_distribution"));
    // baseline / current: the share of the bucket that moved most, the figure a reader can check.
    int moved = 0;
    for (int k = 1; k < static_cast<int>(b.buckets.size()); ++k) {
        const auto at = static_cast<size_t>(k);
        const auto best = static_cast<size_t>(moved);
        if (std::abs(ratio(c.buckets[at], c.total) - ratio(b.buckets[at], b.total))
            > std::abs(ratio(c.buckets[best], c.total) - ratio(b.buckets[best], b.total)))
            moved = k;
    }
    i.bucket = moved;
    i.baseline = ratio(b.buckets[static_cast<size_t>(moved)], b.total);
    i.current = ratio(c.buckets[static_cast<size_t>(moved)], c.total);
    i.change = i.current - *i.baseline;
    i.nBaseline = b.total;
    i.nCurrent = c.total;
    i.psi = psi(b.buckets, c.buckets);
    i.pValue = psiPValue(*i.psi, b.total, c.total);
    i.severity = *i.psi >= kHighPsi ? InsightSeverity::High : InsightSeverity::Medium;
    out.push_back({i, *i.psi >= kMinPsi});
}

void feedbackRateDrop(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    const WindowTotals &b = s.baseline.totals;
    const WindowTotals &c = s.current.totals;
    if (b.total < minN || c.total < minN)
        return;
    Insight i = base(s, InsightKind::FeedbackRateDrop, QStringLiteral("feedback_rate"));
    i.baseline = 100.0 * ratio(b.withFeedback, b.total);
    i.current = 100.0 * ratio(c.withFeedback, c.total);
    i.change = i.current - *i.baseline;
    i.nBaseline = b.total;
    i.nCurrent = c.total;
    i.pValue = proportionDrop(b.withFeedback, b.total, c.withFeedback, c.total).pValue;
    i.severity = i.current < 20.0 ? InsightSeverity::High
        : i.current < 30.0        ? InsightSeverity::Medium
                                  : InsightSeverity::Low;
    const bool large =
        *i.baseline > 0 && -i.change >= kMinFeedbackDropPoints && -i.change / *i.baseline >= kMinFeedbackRelativeDrop;
    out.push_back({i, large});
}

void volumeChange(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    const qint64 b = s.baseline.totals.total;
    const qint64 c = s.current.totals.total;
    if (b < minN || s.baseline.days <= 0 || s.current.days <= 0)
        return;
    Insight i = base(s, InsightKind::VolumeChange, QStringLiteral("decisions_per_day"));
    i.baseline = static_cast<double>(b) / s.baseline.days;
    i.current = static_cast<double>(c) / s.current.days;
    i.change = i.current - *i.baseline;
    i.nBaseline = b;
    i.nCurrent = c;
    i.pValue = poissonRateChange(b, s.baseline.days, c, s.current.days).pValue;
    const double r = i.current / *i.baseline;
    i.severity = (c == 0 || r <= 0.25) ? InsightSeverity::High
        : (r <= 0.5 || r >= 2.0)       ? InsightSeverity::Medium
                                       : InsightSeverity::Low;
    out.push_back({i, r <= kVolumeLow || r >= kVolumeHigh});
}

void calibrationWorse(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    if (!s.baseline.ece || !s.current.ece || s.baseline.ece->n < minN || s.current.ece->n < minN)
        return;
    const EceEstimate &b = *s.baseline.ece;
    const EceEstimate &c = *s.current.ece;
    Insight i = base(s, InsightKind::CalibrationWorse, QStringLiteral("ece"));
    i.baseline = b.ece;
    i.current = c.ece;
    i.change = c.ece - b.ece;
    i.nBaseline = b.n;
    i.nCurrent = c.n;
    i.pValue = eceRise(b, c).pValue;
    i.severity = c.ece >= 0.15 ? InsightSeverity::High : c.ece >= 0.10 ? InsightSeverity::Medium : InsightSeverity::Low;
    out.push_back({i, i.change >= kMinEceRise && c.ece > 0.05});
}

Insight target(const ScopeWindows &s, const QString &metric, double goal, double current, qint64 n)
{
    Insight i = base(s, InsightKind::TargetMissed, metric);
    i.baseline = goal;
    i.current = current;
    i.change = current - goal;
    i.nCurrent = n;
    return i;
}

void targets(const ScopeWindows &s, qint64 minN, std::vector<Candidate> &out)
{
    const WindowTotals &c = s.current.totals;
    if (c.total >= minN) {
        const qint64 high = c.buckets[3] + c.buckets[4];
        Insight i = target(s, QStringLiteral("high_confidence_share"), kTargetHighShare, ratio(high, c.total), c.total);
        i.pValue = shareBelow(high, c.total, kTargetHighShare).pValue;
        i.severity = InsightSeverity::Low;
        out.push_back({i, i.current < kTargetHighShare});

        Insight l =
            target(s, QStringLiteral("low_confidence_share"), kTargetLowShare, ratio(c.buckets[0], c.total), c.total);
        l.pValue = shareAbove(c.buckets[0], c.total, kTargetLowShare).pValue;
        l.severity = InsightSeverity::Low;
        out.push_back({l, l.current > kTargetLowShare});

        qint64 slow = 0;
        for (const auto &[value, count] : latencyHistogram(c)) {
            if (value >= kTargetP99Ms)
                slow += count;
        }
        const auto p99 = c.summary().execution.p99Ms;
        Insight p = target(s, QStringLiteral("p99_execution_time_ms"), static_cast<double>(kTargetP99Ms),
                           static_cast<double>(p99.value_or(0)), c.total);
        // P99 < 1000 ms means fewer than 1 % of decisions take 1000 ms or more.
        p.pValue = binomialSfAtLeast(slow, c.total, 0.01);
        p.severity = InsightSeverity::Medium;
        out.push_back({p, p99 && *p99 >= kTargetP99Ms});
    }
    const ScoreCounts scores = scoreCounts(c);
    if (scores.n() >= minN) {
        Insight a = target(s, QStringLiteral("accuracy_avg"), kTargetAccuracy, scores.mean(), scores.n());
        a.pValue = scoreBelow(scores, kTargetAccuracy).pValue;
        a.severity = a.current < kAccuracyAlertLine ? InsightSeverity::High : InsightSeverity::Medium;
        out.push_back({a, a.current < kTargetAccuracy});
    }
}

}  // namespace

std::map<qint64, qint64> latencyHistogram(const WindowTotals &totals)
{
    std::map<qint64, qint64> h = totals.exact.counts();
    for (const auto &[value, count] : totals.sketch.buckets())
        h[value] += count;
    return h;
}

ScoreCounts scoreCounts(const WindowTotals &totals)
{
    return {totals.correct, totals.partiallyCorrect, totals.incorrect};
}

std::vector<Candidate> runDetectors(const ScopeWindows &scope, qint64 minN)
{
    std::vector<Candidate> out;
    accuracyDrop(scope, minN, out);
    latencyIncrease(scope, minN, out);
    confidenceShift(scope, minN, out);
    feedbackRateDrop(scope, minN, out);
    volumeChange(scope, minN, out);
    calibrationWorse(scope, minN, out);
    if (scope.taskType.isEmpty())
        targets(scope, minN, out);
    return out;
}

}  // namespace atalaya::insights

#include "core/insights/ModelVersions.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/stats/Calibration.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr double kSignificance = 0.05;
constexpr int kEceBins = 10;
// The window detectors' thresholds (docs/INSIGHTS.md §Thresholds), so a version regression is
// as large as an accuracy drop or a latency increase would have to be.
constexpr double kMinAccuracyDrop = 0.03;
constexpr double kMinLatencyRatio = 1.2;
constexpr qint64 kMinLatencyIncreaseMs = 10;
constexpr double kMinEceRise = 0.03;

// Two-sided p-value of a one-sided test's z (its degenerate zero-variance answer kept).
double twoSided(const insights::TestResult &r)
{
    if (r.statistic == 0.0)
        return r.pValue == 0.0 ? 0.0 : 1.0;
    return std::min(1.0, 2.0 * insights::normalSf(std::abs(r.statistic)));
}

void decide(VersionComparison &c, const insights::TestResult &worse, bool higherIsBetter)
{
    c.pWorse = worse.pValue;
    c.pValue = twoSided(worse);
    c.significant = *c.pValue < kSignificance;
    if (!c.significant || !c.difference || *c.difference == 0.0)
        return;
    const bool newerHigher = *c.difference > 0;
    c.better = newerHigher == higherIsBetter ? QStringLiteral("newer") : QStringLiteral("older");
}

std::map<qint64, qint64> histogramOf(const VersionStats &v)
{
    const auto buckets = v.latency.buckets();
    return {buckets.begin(), buckets.end()};
}

InsightSeverity accuracySeverity(double newer, double drop)
{
    using S = InsightSeverity;
    return (newer < insights::kAccuracyAlertLine || drop >= 0.10) ? S::High : drop >= 0.05 ? S::Medium : S::Low;
}

}  // namespace

std::pair<double, double> wilsonInterval(double mean, qint64 n)
{
    if (n <= 0)
        return {0.0, 1.0};
    const double nn = static_cast<double>(n);
    const double z2 = kZ95 * kZ95;
    const double centre = (mean + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = kZ95 / (1 + z2 / nn) * std::sqrt(mean * (1 - mean) / nn + z2 / (4 * nn * nn));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::optional<double> VersionStats::accuracy() const
{
    if (scores.n() == 0)
        return std::nullopt;
    return scores.mean();
}

std::optional<std::pair<double, double>> VersionStats::accuracyInterval() const
{
    if (scores.n() == 0)
        return std::nullopt;
    return wilsonInterval(scores.mean(), scores.n());
}

std::optional<double> VersionStats::meanConfidence() const
{
    if (n == 0)
        return std::nullopt;
    return static_cast<double>(confidenceSumE4) / 10000.0 / static_cast<double>(n);
}

std::optional<insights::EceEstimate> VersionStats::ece() const
{
    if (reviewed.empty())
        return std::nullopt;
    const CalibrationReport table = computeCalibration(reviewed, kEceBins);
    std::vector<insights::EceBin> bins;
    for (const CalibrationBin &b : table.bins) {
        if (b.count > 0 && b.meanConfidence && b.meanAccuracy)
            bins.push_back({b.count, *b.meanConfidence, *b.meanAccuracy});
    }
    return insights::eceOf(bins);
}

std::vector<VersionComparison> compareVersions(const std::vector<VersionStats> &versions, qint64 minN)
{
    std::vector<VersionComparison> out;
    for (size_t i = 1; i < versions.size(); ++i) {
        const VersionStats &older = versions[i - 1];
        const VersionStats &newer = versions[i];
        auto start = [&](const char *metric) {
            VersionComparison c;
            c.newer = newer.version;
            c.older = older.version;
            c.metric = QString::fromLatin1(metric);
            return c;
        };

        VersionComparison accuracy = start("accuracy_avg");
        if (older.accuracy() && newer.accuracy())
            accuracy.difference = *newer.accuracy() - *older.accuracy();
        if (older.scores.n() >= minN && newer.scores.n() >= minN) {
            decide(accuracy, insights::scoreDrop(older.scores, newer.scores), true);
            accuracy.large = -*accuracy.difference >= kMinAccuracyDrop;
        }
        out.push_back(accuracy);

        VersionComparison p95 = start("p95_execution_time_ms");
        const auto before = older.p95Ms();
        const auto now = newer.p95Ms();
        if (before && now)
            p95.difference = static_cast<double>(*now - *before);
        if (older.n >= minN && newer.n >= minN && before && now) {
            decide(p95, insights::quantileRise(histogramOf(older), histogramOf(newer), 95), false);
            p95.large = *before > 0 && static_cast<double>(*now) / static_cast<double>(*before) >= kMinLatencyRatio
                && *now - *before >= kMinLatencyIncreaseMs;
        }
        out.push_back(p95);

        VersionComparison ece = start("ece");
        const auto eb = older.ece();
        const auto en = newer.ece();
        if (eb && en)
            ece.difference = en->ece - eb->ece;
        if (eb && en && eb->n >= minN && en->n >= minN) {
            decide(ece, insights::eceRise(*eb, *en), false);
            ece.large = *ece.difference >= kMinEceRise;
        }
        out.push_back(ece);
    }
    return out;
}

std::vector<insights::Candidate> versionRegressions(const QString &agentId, const std::vector<VersionStats> &versions,
                                                    const std::vector<VersionComparison> &comparisons)
{
    auto find = [&](const QString &name) {
        return std::find_if(versions.begin(), versions.end(), [&](const VersionStats &v) { return v.version == name; });
    };
    std::vector<insights::Candidate> out;
    for (const VersionComparison &c : comparisons) {
        const bool accuracy = c.metric == QLatin1String("accuracy_avg");
        if (!c.pWorse || !(accuracy || c.metric == QLatin1String("p95_execution_time_ms")))
            continue;
        const auto newer = find(c.newer);
        const auto older = find(c.older);
        if (newer == versions.end() || older == versions.end())
            continue;
        Insight i;
        i.kind = InsightKind::VersionRegression;
        i.agentId = agentId;
        i.metric = c.metric;
        i.version = c.newer;
        i.previousVersion = c.older;
        i.pValue = *c.pWorse;
        i.since = newer->firstSeen;
        if (accuracy) {
            i.baseline = older->accuracy();
            i.current = newer->accuracy().value_or(0.0);
            i.nBaseline = older->scores.n();
            i.nCurrent = newer->scores.n();
            i.severity = accuracySeverity(i.current, -c.difference.value_or(0.0));
        } else {
            i.baseline = static_cast<double>(older->p95Ms().value_or(0));
            i.current = static_cast<double>(newer->p95Ms().value_or(0));
            i.nBaseline = older->n;
            i.nCurrent = newer->n;
            const double ratio = *i.baseline > 0 ? i.current / *i.baseline : 0.0;
            const bool crossesAlert = i.current > 500 && *i.baseline <= 500;
            i.severity = (ratio >= 2.0 || crossesAlert) ? InsightSeverity::High
                : ratio >= 1.5                          ? InsightSeverity::Medium
                                                        : InsightSeverity::Low;
        }
        i.change = i.current - i.baseline.value_or(0.0);
        out.push_back({i, c.large});
    }
    return out;
}

QJsonObject versionReportJson(const VersionReport &r)
{
    auto optional = [](const auto &v) { return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(); };
    QJsonArray versions;
    for (const VersionStats &v : r.versions) {
        const auto ci = v.accuracyInterval();
        const auto ece = v.ece();
        versions.append(QJsonObject{
            {QStringLiteral("version"), v.version},
            {QStringLiteral("n"), v.n},
            {QStringLiteral("n_reviewed"), v.scores.n()},
            {QStringLiteral("accuracy"), roundedOrNull(v.accuracy(), 4)},
            {QStringLiteral("accuracy_ci"),
             ci ? QJsonValue(QJsonArray{roundTo(ci->first, 4), roundTo(ci->second, 4)}) : QJsonValue()},
            {QStringLiteral("p95_ms"), optional(v.p95Ms())},
            {QStringLiteral("mean_confidence"), roundedOrNull(v.meanConfidence(), 4)},
            {QStringLiteral("ece"), ece ? QJsonValue(roundTo(ece->ece, 4)) : QJsonValue()},
            {QStringLiteral("first_seen"), toIsoUtc(v.firstSeen)},
            {QStringLiteral("last_seen"), toIsoUtc(v.lastSeen)},
        });
    }
    QJsonArray comparisons;
    for (const VersionComparison &c : r.comparisons) {
        comparisons.append(QJsonObject{
            {QStringLiteral("newer"), c.newer},
            {QStringLiteral("older"), c.older},
            {QStringLiteral("metric"), c.metric},
            {QStringLiteral("difference"), roundedOrNull(c.difference, 4)},
            {QStringLiteral("p_value"), c.pValue ? QJsonValue(*c.pValue) : QJsonValue()},
            {QStringLiteral("significant"), c.significant},
            {QStringLiteral("better"), c.better.isEmpty() ? QJsonValue() : QJsonValue(c.better)},
        });
    }
    return {{QStringLiteral("agent_id"), r.agentId},
            {QStringLiteral("period_days"), r.window.periodDays},
            {QStringLiteral("window"),
             QJsonObject{{QStringLiteral("from"), toIsoUtc(r.window.from)},
                         {QStringLiteral("to"), toIsoUtc(r.window.to)},
                         {QStringLiteral("days"),
                          roundTo(static_cast<double>(r.window.from.msecsTo(r.window.to)) / 86400000.0, 4)}}},
            {QStringLiteral("unversioned"), r.unversioned},
            {QStringLiteral("versions"), versions},
            {QStringLiteral("comparisons"), comparisons}};
}

}  // namespace atalaya

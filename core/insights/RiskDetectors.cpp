#include "core/insights/RiskDetectors.h"

#include "core/insights/Significance.h"
#include "core/risk/RiskService.h"

namespace atalaya::insights {
namespace {

constexpr double kMinAccuracyDrop = 0.03;
constexpr double kRiskAccuracyLine = 0.70;  // the seed's validation check
constexpr int kVeryStaleDays = 2 * kStaleModelDays;
const QString kRiskAgent = QStringLiteral("deployment-risk-predictor");

Insight riskInsight(InsightKind kind, const QString &metric)
{
    Insight i;
    i.kind = kind;
    i.agentId = kRiskAgent;
    i.metric = metric;
    return i;
}

}  // namespace

std::vector<Candidate> riskCandidates(const RiskMonitorReport &r, qint64 minN)
{
    std::vector<Candidate> out;
    for (const FeatureDrift &d : r.drift) {
        if (d.nTraining < minN || d.nRecent < minN)
            continue;
        Insight i = riskInsight(InsightKind::RiskFeatureDrift, riskFeatureName(d.feature));
        i.psi = d.psi;
        i.current = d.psi;
        i.nBaseline = d.nTraining;
        i.nCurrent = d.nRecent;
        // The training rows are not stored, only their bins: the recent cycles' τ stands for
        // both sides, which share the feature's derivation (and, without drift, its process).
        const double tau = d.autocorrelationTime;
        i.pValue = binnedShiftPValue({d.training.begin(), d.training.end()}, {d.recent.begin(), d.recent.end()},
                                     static_cast<double>(d.nTraining) / tau, static_cast<double>(d.nRecent) / tau);
        i.severity = d.psi >= kHighDriftPsi ? InsightSeverity::High : InsightSeverity::Medium;
        out.push_back({i, d.psi >= kDriftPsi});
    }
    const PredictionAccuracy &a = r.accuracy;
    const RiskMetrics &v = r.validation;
    const qint64 vN = v.tp + v.fp + v.tn + v.fn;
    if (a.accuracy && v.accuracy && a.n >= minN && vN >= minN) {
        Insight i = riskInsight(InsightKind::RiskPredictionAccuracy, QStringLiteral("accuracy"));
        i.baseline = v.accuracy;
        i.current = *a.accuracy;
        i.change = *a.accuracy - *v.accuracy;
        i.nBaseline = vN;
        i.nCurrent = a.n;
        const auto hits = static_cast<qint64>(std::llround(*a.accuracy * static_cast<double>(a.n)));
        i.pValue = proportionDrop(v.tp + v.tn, vN, hits, a.n).pValue;
        const double drop = -i.change;
        i.severity = (i.current < kRiskAccuracyLine || drop >= 0.10) ? InsightSeverity::High
            : drop >= 0.05                                          ? InsightSeverity::Medium
                                                                    : InsightSeverity::Low;
        out.push_back({i, drop >= kMinAccuracyDrop});
    }
    return out;
}

std::optional<Insight> staleModelInsight(const RiskMonitorReport &r, const QDateTime &since)
{
    if (!r.stale)
        return std::nullopt;
    Insight i = riskInsight(InsightKind::RiskModelStale, QStringLiteral("model_age_days"));
    i.baseline = kStaleModelDays;
    i.current = r.ageDays;
    i.change = r.ageDays - kStaleModelDays;
    i.severity = r.ageDays >= kVeryStaleDays ? InsightSeverity::High : InsightSeverity::Medium;
    i.since = since;
    // Sorted after the tested insights of its severity.
    i.qValue = 1.0;
    i.pValue = 1.0;
    return i;
}

}  // namespace atalaya::insights

#include "core/insights/Insight.h"

#include <algorithm>

namespace atalaya {

QString insightKindKey(InsightKind kind)
{
    switch (kind) {
    case InsightKind::AccuracyDrop: return QStringLiteral("accuracy_drop");
    case InsightKind::LatencyIncrease: return QStringLiteral("latency_increase");
    case InsightKind::ConfidenceShift: return QStringLiteral("confidence_shift");
    case InsightKind::FeedbackRateDrop: return QStringLiteral("feedback_rate_drop");
    case InsightKind::VolumeChange: return QStringLiteral("volume_change");
    case InsightKind::CalibrationWorse: return QStringLiteral("calibration_worse");
    case InsightKind::TargetMissed: return QStringLiteral("target_missed");
    case InsightKind::VersionRegression: return QStringLiteral("version_regression");
    case InsightKind::RiskFeatureDrift: return QStringLiteral("risk_feature_drift");
    case InsightKind::RiskModelStale: return QStringLiteral("risk_model_stale");
    case InsightKind::RiskPredictionAccuracy: return QStringLiteral("risk_prediction_accuracy");
    }
    return {};
}

QString insightSeverityKey(InsightSeverity severity)
{
    switch (severity) {
    case InsightSeverity::High: return QStringLiteral("high");
    case InsightSeverity::Medium: return QStringLiteral("medium");
    case InsightSeverity::Low: return QStringLiteral("low");
    }
    return {};
}

std::optional<InsightSeverity> insightSeverityFromKey(const QString &key)
{
    for (InsightSeverity s : {InsightSeverity::High, InsightSeverity::Medium, InsightSeverity::Low}) {
        if (insightSeverityKey(s) == key)
            return s;
    }
    return std::nullopt;
}

bool anyInsightAtLeast(const std::vector<Insight> &insights, InsightSeverity severity)
{
    return std::any_of(insights.begin(), insights.end(), [severity](const Insight &i) {
        return static_cast<int>(i.severity) >= static_cast<int>(severity);
    });
}

}  // namespace atalaya

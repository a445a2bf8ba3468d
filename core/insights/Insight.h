#pragma once

#include "core/aggregates/StatsQuery.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace atalaya {

// What changed (docs/INSIGHTS.md §Kinds). version_regression comes from the comparison of an
// agent's model versions (core/insights/ModelVersions.h), not from the two windows.
enum class InsightKind {
    AccuracyDrop,
    LatencyIncrease,
    ConfidenceShift,
    FeedbackRateDrop,
    VolumeChange,
    CalibrationWorse,
    TargetMissed,
    VersionRegression,
    RiskFeatureDrift,
    RiskModelStale,
    RiskPredictionAccuracy,
};

enum class InsightSeverity { Low = 1, Medium = 2, High = 3 };

// One significant, large-enough change of one metric of one scope: an agent (taskType
// empty), a task type (agentId empty) or every decision (both empty).
struct Insight {
    InsightKind kind = InsightKind::AccuracyDrop;
    QString agentId;
    QString taskType;
    QString metric;
    std::optional<double> baseline;  // the baseline window's value, or the target
    double current = 0.0;
    double change = 0.0;  // current − baseline
    qint64 nBaseline = 0;  // 0 for a target
    qint64 nCurrent = 0;
    double pValue = 1.0;
    std::optional<double> psi;  // confidence_shift and risk_feature_drift report their PSI
    // confidence_shift: the bucket (kConfidenceBuckets index) whose share moved most, which
    // baseline and current are the shares of.
    std::optional<int> bucket;
    double qValue = 1.0;
    InsightSeverity severity = InsightSeverity::Low;
    QDateTime since;
    // version_regression: the newer version and the one before it.
    QString version;
    QString previousVersion;
    QString message;  // machine number format; translated when a translator is installed
};

struct InsightOptions {
    int days = 7;
    std::optional<int> baselineDays;  // trailing baseline of N days; none = previous window of equal length
    QString agentId;  // empty = every agent
    double fdr = 0.05;  // Benjamini–Hochberg q
    qint64 minN = 30;  // per side, of whatever the test counts
    QDateTime now;  // invalid = current time
};

// A detector left out for one agent, and why (the JSON's "skipped").
struct SkippedCheck {
    InsightKind kind = InsightKind::VersionRegression;
    QString agentId;
    qint64 decisions = 0;
    QString reason;
};

struct InsightsReport {
    StatsQuery window;
    StatsQuery baseline;
    int testsRun = 0;  // the m of Benjamini–Hochberg
    std::vector<Insight> insights;  // most severe first, then by q-value
    std::vector<SkippedCheck> skipped;  // by agent id
};

QString insightKindKey(InsightKind kind);
QString insightSeverityKey(InsightSeverity severity);
std::optional<InsightSeverity> insightSeverityFromKey(const QString &key);
bool anyInsightAtLeast(const std::vector<Insight> &insights, InsightSeverity severity);

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::InsightsReport)

#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskModel.h"

#include <memory>

namespace atalaya {

class Database;

// docs/RISK_MODEL.md §Monitoring: the PSI thresholds are confidence_shift's (docs/INSIGHTS.md).
inline constexpr double kDriftPsi = 0.10;
inline constexpr double kHighDriftPsi = 0.25;
inline constexpr int kStaleModelDays = 45;
inline constexpr double kPsiShareFloor = 1e-4;

// Population stability index of two binned samples, empty shares floored at kPsiShareFloor.
double binnedPsi(const DriftCounts &expected, const DriftCounts &actual);

// Integrated autocorrelation time τ = 1 + 2 Σ ρ_k of a series in time order (Sokal's
// automatic window: the smallest lag M with M ≥ 5 τ(M), at most n / 2), at least 1.
// n / τ independent rows would carry as much information as the n of the series.
double autocorrelationTime(const std::vector<double> &series);

struct FeatureDrift {
    int feature = 0;
    double psi = 0.0;
    qint64 nTraining = 0;
    qint64 nRecent = 0;
    DriftCounts training{};
    DriftCounts recent{};
    // Of the recent cycles in deployment order; previous_failures and team_velocity count
    // overlapping 7-day windows, so consecutive cycles share most of their value.
    double autocorrelationTime = 1.0;
};

// Recorded predictions whose cycle has an outcome now (the latest prediction of each cycle).
struct PredictionAccuracy {
    qint64 n = 0;
    qint64 failures = 0;
    std::optional<double> brier;  // on failure_probability
    std::optional<double> rocAuc;  // on risk_score
    std::optional<double> accuracy;  // risk_score > 0.5 predicts a failure
};

// Quantiles of the risk scores recorded in one UTC day or ISO week (starting Monday).
struct ScorePeriod {
    QDate start;
    qint64 n = 0;
    double p10 = 0, p50 = 0, p90 = 0, mean = 0;
};

struct RiskMonitorOptions {
    int days = 30;  // recent cycles and predictions
    bool weekly = true;
    QDateTime now;  // invalid = current time
};

struct RiskMonitorReport {
    int days = 0;
    QString version;
    QDateTime trainedAt;
    RiskMetrics validation;  // the active model's cross-validation, what past predictions are judged against
    double ageDays = 0.0;
    bool stale = false;
    qint64 recentCycles = 0;
    std::vector<FeatureDrift> drift;  // every feature, in the seed's order (empty without recent cycles)
    PredictionAccuracy accuracy;
    std::vector<ScorePeriod> scores;  // oldest first
};

// Reads the active model, recent cycles of dora_metrics and the risk agent's recorded predictions.
class RiskMonitor {
public:
    explicit RiskMonitor(std::shared_ptr<const Database> db);
    // NoModel (5) without an active model.
    Result<RiskMonitorReport> run(const RiskMonitorOptions &options) const;

private:
    std::shared_ptr<const Database> m_db;
};

// recentNormalized in deployment order.
std::vector<FeatureDrift> featureDrift(const FeatureBins &training, const std::vector<FeatureVector> &recentNormalized);
PredictionAccuracy predictionAccuracy(const std::vector<double> &riskScores,
                                      const std::vector<double> &failureProbabilities,
                                      const std::vector<bool> &failed);
QJsonObject riskMonitorJson(const RiskMonitorReport &report);

}  // namespace atalaya

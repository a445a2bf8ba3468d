#pragma once

#include "core/risk/RiskCalibration.h"
#include "core/risk/TreeEnsemble.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace atalaya {

// Equal-width bins of a normalised (0–1) feature, for drift (docs/RISK_MODEL.md §Monitoring).
inline constexpr int kDriftBins = 10;
using DriftCounts = std::array<qint64, kDriftBins>;
using FeatureBins = std::array<DriftCounts, kRiskFeatureCount>;
int driftBin(double normalized);
FeatureBins binFeatures(const std::vector<FeatureVector> &normalizedRows);

// How each tree's rows are balanced between failures and successes (dlib takes no weights).
enum class Resampling { OversampleFailures, UndersampleSuccesses };
QString resamplingName(Resampling r);

// How the forest was grown (docs/RISK_MODEL.md §Training); stored with every version.
struct ForestSettings {
    int trees = 100;
    int treesPerChunk = 10;  // one progress step, one cancellation point
    double featureFraction = 1.0 / 3.0;
    int minSamplesPerLeaf = 0;  // 0 = automatic, see trainRiskModel()
    Resampling resampling = Resampling::OversampleFailures;
    quint64 seed = 42;
    QJsonObject toJson() const;
    static ForestSettings fromJson(const QJsonObject &json);
};

struct ReliabilityBin {
    double lower = 0;
    double upper = 0;
    int count = 0;
    std::optional<double> meanPredicted;
    std::optional<double> observedRate;
};

// Metrics of held-out predictions (out-of-fold for cross-validation, the newest cycles for the
// time split); threshold 0.5 on risk_score (seed formulas), AUC on the score, Brier and the
// reliability table on failure_probability. Empty denominators are nullopt.
struct RiskMetrics {
    int trainingSamples = 0;
    int validationSamples = 0;
    int tp = 0, fp = 0, tn = 0, fn = 0;
    std::optional<double> accuracy;
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
    std::optional<double> rocAuc;
    std::optional<double> brier;
    double failureRate = 0;  // π, the observed rate in the rows the model was trained on
    std::vector<ReliabilityBin> reliability;
    QJsonObject toJson() const;
    static RiskMetrics fromJson(const QJsonObject &json);
};

struct ValidationCheck {
    QString name;
    std::optional<double> value;
    double threshold = 0;
    bool passed = false;
};

// The seed's validation checks (docs/RISK_MODEL.md §Training): accuracy ≥ 0.70, F1 ≥ 0.60, training samples ≥ 50.
std::vector<ValidationCheck> validationChecks(const RiskMetrics &metrics);
bool allPassed(const std::vector<ValidationCheck> &checks);

// One set of settings tried by the search, with its out-of-fold ROC AUC.
struct SettingsCandidate {
    ForestSettings settings;
    std::optional<double> cvAuc;
    bool chosen = false;
};

// How trainRiskModel() chose the settings (docs/RISK_MODEL.md §Settings search).
struct SettingsSearch {
    int rows = 0;  // cycles the search cross-validated on (a stratified subsample of big histories)
    int folds = 0;
    int treesPerFold = 0;
    std::vector<SettingsCandidate> candidates;  // in the order tried
    std::optional<double> halfTreesAuc;  // the chosen candidate's CV AUC with half of each fold's trees
    bool empty() const { return candidates.empty(); }
    QJsonObject toJson() const;
    static SettingsSearch fromJson(const QJsonObject &json);
};

// A trained (or loaded) deployment-risk model and everything needed to explain it.
struct RiskModel {
    QString version;  // v1.0-YYYY-MM-DD[.N], set when stored
    QDateTime trainedAt;
    int windowDays = 0;
    ForestSettings settings;
    TreeEnsemble forest;
    std::vector<FeatureVector> background;  // normalised training rows
    double baseValue = 0;  // mean risk_score on the background
    RiskMetrics metrics;  // stratified k-fold, out-of-fold predictions: what the checks judge
    std::optional<RiskMetrics> timeSplit;  // trained on the older 80 %, tested on the newest 20 %
    int cvFolds = 0;
    int cvTrees = 0;  // trees of each fold's forest (the final forest has settings.trees)
    Calibration calibration;
    SettingsSearch search;  // empty when the settings were given
    Contributions importance{};  // permutation importance, sums to 1 (or all 0)
    // Every training row binned per feature; absent in files written before drift monitoring,
    // which fall back to the background sample (trainingBinsOrBackground()).
    std::optional<FeatureBins> trainingBins;
    bool active = false;

    double riskScore(const FeatureVector &normalized) const { return forest.predict(normalized); }
    // The calibrated chance of failure (docs/RISK_MODEL.md §Calibration).
    double failureProbability(double riskScore) const;
    FeatureBins trainingBinsOrBackground() const;
    QJsonObject cvJson() const;  // the CV metrics with folds and trees per fold
    QJsonObject searchJson() const;  // null-free: empty object when there was no search
    QJsonObject timeSplitJson() const;  // empty when the history had no usable time split
    // Everything but the forest, as stored beside it.
    QJsonObject metadataJson() const;
    static std::optional<RiskModel> fromMetadata(const QJsonObject &json);
};

}  // namespace atalaya

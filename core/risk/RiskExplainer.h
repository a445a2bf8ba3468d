#pragma once

#include "core/risk/RiskModel.h"

#include <QJsonObject>
#include <QStringList>

namespace atalaya {

enum class RiskLanguage { Spanish, English };
// "es"/"en"; anything else follows the system locale.
RiskLanguage riskLanguageFrom(const QString &code);

struct RiskFactor {
    int feature = 0;
    double contribution = 0;
    double value = 0;  // normalised
};

// One explained prediction (`risk predict`, docs/RISK_MODEL.md §Explanations).
struct RiskPrediction {
    FeatureVector raw{};
    FeatureVector normalized{};
    double riskScore = 0;
    double failureProbability = 0;
    double baseValue = 0;
    double confidence = 0;
    QString level;  // very_low | low | medium | high
    Contributions contributions{};
    std::vector<RiskFactor> topFactors;  // ≤ 5 largest positive contributions
    QStringList recommendations;
    double explainMs = 0;
};

// very_low < 0.20 ≤ low < 0.40 ≤ medium < 0.70 ≤ high.
QString riskLevel(double score);
// |score − 0.5| × 2 (seed).
double riskConfidence(double score);

// raw must be valid (validateFeatures); contributions are exact Shapley values against the
// model's background, so baseValue + Σ contributions == riskScore.
RiskPrediction explainRisk(const RiskModel &model, const FeatureVector &raw, RiskLanguage language);

// The seed's rules on the top factors (max 4) and then the overall line for the level.
QStringList riskRecommendations(const FeatureVector &raw, const std::vector<RiskFactor> &top, double score,
                                RiskLanguage language);

QJsonObject predictionJson(const RiskPrediction &prediction, const RiskModel &model);
// A recorded check's decision_made (docs/RISK_MODEL.md §Closing the loop with telemetry):
// action, risk_score, risk_level, recommendations, blockers, reasoning.
QJsonObject decisionJson(const RiskPrediction &prediction, std::optional<double> failAbove);

}  // namespace atalaya

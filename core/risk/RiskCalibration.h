#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace atalaya {

// How risk_score becomes failure_probability (docs/RISK_MODEL.md §Calibration). The forest
// learns on class-balanced resamples, so its score is first corrected back to the observed
// failure rate π; Platt scaling on the logit of that corrected value is then kept only when it
// lowers the Brier score of the out-of-fold predictions.
struct Calibration {
    enum class Method { PriorCorrection, Platt };
    Method method = Method::PriorCorrection;
    double slope = 1;  // Platt: p = σ(slope · logit(prior-corrected score) + intercept)
    double intercept = 0;
    double brierPriorCorrection = 0;  // both measured on the out-of-fold predictions
    double brierPlatt = 0;

    double probability(double riskScore, double failureRate) const;
    QString methodName() const;
    QJsonObject toJson() const;
    static Calibration fromJson(const QJsonObject &json);  // missing: prior correction
};

double priorCorrected(double score, double failureRate);

// Fits Platt scaling on out-of-fold scores and keeps it if it lowers their Brier score.
Calibration fitCalibration(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate);

}  // namespace atalaya

#include "core/risk/RiskCalibration.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

// Keeps logits finite: a leaf of pure successes scores exactly 0.
constexpr double kEps = 1e-6;

double logit(double p)
{
    p = std::clamp(p, kEps, 1.0 - kEps);
    return std::log(p / (1.0 - p));
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace

double priorCorrected(double s, double pi)
{
    const double num = s * pi;
    const double den = num + (1.0 - s) * (1.0 - pi);
    return den > 0 ? num / den : 0.0;
}

double Calibration::probability(double score, double failureRate) const
{
    const double p = priorCorrected(score, failureRate);
    return method == Method::Platt ? sigmoid(slope * logit(p) + intercept) : p;
}

QString Calibration::methodName() const
{
    return method == Method::Platt ? QStringLiteral("platt") : QStringLiteral("prior_correction");
}

QJsonObject Calibration::toJson() const
{
    return {{QStringLiteral("method"), methodName()},
            {QStringLiteral("slope"), slope},
            {QStringLiteral("intercept"), intercept},
            {QStringLiteral("brier_prior_correction"), brierPriorCorrection},
            {QStringLiteral("brier_platt"), brierPlatt}};
}

Calibration Calibration::fromJson(const QJsonObject &o)
{
    Calibration c;
    if (o.value(QStringLiteral("method")).toString() == QLatin1String("platt"))
        c.method = Method::Platt;
    c.slope = o.value(QStringLiteral("slope")).toDouble(1);
    c.intercept = o.value(QStringLiteral("intercept")).toDouble(0);
    c.brierPriorCorrection = o.value(QStringLiteral("brier_prior_correction")).toDouble();
    c.brierPlatt = o.value(QStringLiteral("brier_platt")).toDouble();
    return c;
}

Calibration fitCalibration(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate)
{
    Calibration c;
    const std::size_t n = scores.size();
    if (n == 0)
        return c;
    std::vector<double> z(n);
    for (std::size_t i = 0; i < n; ++i)
        z[i] = logit(priorCorrected(scores[i], failureRate));
    // Logistic regression of the label on z by Newton's method, from the identity (1, 0); a
    // tiny ridge keeps a separable history from running the slope to infinity.
    double a = 1, b = 0;
    for (int iter = 0; iter < 50; ++iter) {
        double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
        for (std::size_t i = 0; i < n; ++i) {
            const double p = sigmoid(a * z[i] + b);
            const double r = p - (labels[i] ? 1.0 : 0.0);
            const double w = std::max(p * (1 - p), 1e-12);
            ga += r * z[i];
            gb += r;
            haa += w * z[i] * z[i];
            hab += w * z[i];
            hbb += w;
        }
        const double det = haa * hbb - hab * hab;
        if (!(det > 0))
            break;
        const double da = (hbb * ga - hab * gb) / det;
        const double db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if (std::abs(da) + std::abs(db) < 1e-10)
            break;
    }
    double prior = 0, platt = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = labels[i] ? 1.0 : 0.0;
        const double p0 = priorCorrected(scores[i], failureRate);
        const double p1 = sigmoid(a * z[i] + b);
        prior += (p0 - y) * (p0 - y);
        platt += (p1 - y) * (p1 - y);
    }
    c.brierPriorCorrection = prior / n;
    c.brierPlatt = platt / n;
    if (std::isfinite(a) && std::isfinite(b) && c.brierPlatt < c.brierPriorCorrection) {
        c.method = Calibration::Method::Platt;
        c.slope = a;
        c.intercept = b;
    }
    return c;
}

}  // namespace atalaya

#include "core/risk/RiskExplainer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace atalaya {
namespace {

struct Text {
    const char *es;
    const char *en;
};

QString pick(const Text &t, RiskLanguage lang)
{
    return QString::fromUtf8(lang == RiskLanguage::Spanish ? t.es : t.en);
}

constexpr Text kTests{"Aumentar cobertura de tests (actualmente bajo 80%)",
                      "Raise test coverage (currently below 80%)"};
constexpr Text kSplit{"Considerar dividir deployment en cambios más pequeños",
                      "Consider splitting the deployment into smaller changes"};
constexpr Text kFailures{"Revisar patrones de fallos recientes antes de deployment",
                         "Review recent failure patterns before deploying"};
constexpr Text kReview{"Mejorar calidad de code review antes de deployment",
                       "Improve the code review before deploying"};
constexpr Text kHours{"Desplegar en horario laboral (lunes a jueves, 08:00–18:00)",
                      "Deploy during business hours (Monday to Thursday, 08:00–18:00)"};
constexpr Text kComplexity{"Complejidad alta: revisión adicional o desplegar tras un feature flag",
                           "High complexity: get an extra review or ship behind a feature flag"};
constexpr Text kPlanning{"Dedicar más tiempo a planning (menos de 1 hora)",
                         "Spend more time on planning (less than 1 hour)"};
constexpr Text kHigh{"ALTO RIESGO: Considerar posponer deployment o aumentar preparación",
                     "HIGH RISK: consider postponing the deployment or preparing more"};
constexpr Text kMedium{"RIESGO MEDIO: Preparar plan de rollback y monitoreo intensivo",
                       "MEDIUM RISK: prepare a rollback plan and close monitoring"};
constexpr Text kLow{"BAJO RIESGO: Proceder con deployment, monitoreo estándar",
                    "LOW RISK: proceed with the deployment and standard monitoring"};

const Text *ruleFor(int feature, const FeatureVector &raw)
{
    const double v = raw[feature];
    switch (static_cast<RiskFeature>(feature)) {
    case RiskFeature::TestsPassedPct: return v < 80 ? &kTests : nullptr;
    case RiskFeature::CodeChangesSize: return v > 500 ? &kSplit : nullptr;
    case RiskFeature::PreviousFailures: return v >= 3 ? &kFailures : nullptr;
    case RiskFeature::CodeReviewScore: return v < 0.7 ? &kReview : nullptr;
    case RiskFeature::TimeOfDay:
    case RiskFeature::DayOfWeek: {
        const double hour = raw[int(RiskFeature::TimeOfDay)];
        const bool business = raw[int(RiskFeature::DayOfWeek)] <= 3 && hour >= 8 && hour < 18;
        return business ? nullptr : &kHours;
    }
    case RiskFeature::FeatureComplexityScore: return v >= 3 ? &kComplexity : nullptr;
    case RiskFeature::PlanningDuration: return v < 3600 ? &kPlanning : nullptr;
    case RiskFeature::LeadTime:
    case RiskFeature::TeamVelocity: return nullptr;
    }
    return nullptr;
}

QString signedNumber(double v)
{
    return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', 3);
}

}  // namespace

RiskLanguage riskLanguageFrom(const QString &code)
{
    if (code == QLatin1String("es"))
        return RiskLanguage::Spanish;
    if (code == QLatin1String("en"))
        return RiskLanguage::English;
    return QLocale().language() == QLocale::Spanish ? RiskLanguage::Spanish : RiskLanguage::English;
}

QString riskLevel(double s)
{
    if (s < 0.20)
        return QStringLiteral("very_low");
    if (s < 0.40)
        return QStringLiteral("low");
    if (s < 0.70)
        return QStringLiteral("medium");
    return QStringLiteral("high");
}

double riskConfidence(double s)
{
    return std::abs(s - 0.5) * 2.0;
}

QStringList riskRecommendations(const FeatureVector &raw, const std::vector<RiskFactor> &top, double score,
                                RiskLanguage lang)
{
    QStringList out;
    for (const RiskFactor &f : top) {
        const Text *rule = ruleFor(f.feature, raw);
        if (rule && !out.contains(pick(*rule, lang)) && out.size() < 4)
            out << pick(*rule, lang);
    }
    out << pick(score >= 0.7 ? kHigh : score >= 0.4 ? kMedium : kLow, lang);
    return out;
}

RiskPrediction explainRisk(const RiskModel &model, const FeatureVector &raw, RiskLanguage lang)
{
    QElapsedTimer timer;
    timer.start();
    RiskPrediction p;
    p.raw = raw;
    p.normalized = normalizeFeatures(raw);
    p.riskScore = model.riskScore(p.normalized);
    p.failureProbability = model.failureProbability(p.riskScore);
    p.baseValue = model.baseValue;
    p.confidence = riskConfidence(p.riskScore);
    p.level = riskLevel(p.riskScore);
    p.contributions = model.forest.shapley(p.normalized, model.background);
    for (int f = 0; f < kRiskFeatureCount; ++f)
        if (p.contributions[f] > 0)
            p.topFactors.push_back({f, p.contributions[f], p.normalized[f]});
    std::stable_sort(p.topFactors.begin(), p.topFactors.end(),
                     [](const RiskFactor &a, const RiskFactor &b) { return a.contribution > b.contribution; });
    if (p.topFactors.size() > 5)
        p.topFactors.resize(5);
    p.recommendations = riskRecommendations(raw, p.topFactors, p.riskScore, lang);
    p.explainMs = timer.nsecsElapsed() / 1e6;
    return p;
}

QJsonObject predictionJson(const RiskPrediction &p, const RiskModel &model)
{
    QJsonArray top;
    for (const RiskFactor &f : p.topFactors)
        top.append(QJsonObject{{QStringLiteral("feature"), riskFeatureName(f.feature)},
                               {QStringLiteral("contribution"), f.contribution},
                               {QStringLiteral("value"), f.value}});
    QJsonObject contributions;
    QJsonObject importance;
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        contributions.insert(riskFeatureName(i), p.contributions[i]);
        importance.insert(riskFeatureName(i), model.importance[i]);
    }
    return {{QStringLiteral("risk_score"), p.riskScore},
            {QStringLiteral("risk_level"), p.level},
            {QStringLiteral("confidence"), p.confidence},
            {QStringLiteral("top_risk_factors"), top},
            {QStringLiteral("recommendations"), QJsonArray::fromStringList(p.recommendations)},
            {QStringLiteral("feature_importance"), importance},
            {QStringLiteral("base_value"), p.baseValue},
            {QStringLiteral("contributions"), contributions},
            {QStringLiteral("failure_probability"), p.failureProbability},
            {QStringLiteral("features"), rawFeaturesToJson(p.raw)}};
}

QJsonObject decisionJson(const RiskPrediction &p, std::optional<double> failAbove)
{
    const bool gated = failAbove && p.riskScore > *failAbove;
    QString action = QStringLiteral("approve");
    if (gated)
        action = QStringLiteral("block");
    else if (p.level == QLatin1String("high"))
        action = QStringLiteral("postpone");
    else if (p.level == QLatin1String("medium"))
        action = QStringLiteral("review");
    QJsonArray blockers;
    if (gated)
        blockers.append(QStringLiteral("risk_score %1 > fail-above %2").arg(p.riskScore, 0, 'f', 4).arg(*failAbove));
    QStringList factors;
    for (const RiskFactor &f : p.topFactors) {
        factors << riskFeatureName(f.feature) + QLatin1Char(' ') + signedNumber(f.contribution);
        if (action != QLatin1String("approve") && action != QLatin1String("review"))
            blockers.append(riskFeatureName(f.feature));
    }
    const QString reasoning =
        QStringLiteral("risk_score %1 (%2) against a base of %3; main factors: %4")
            .arg(p.riskScore, 0, 'f', 4)
            .arg(p.level)
            .arg(p.baseValue, 0, 'f', 4)
            .arg(factors.isEmpty() ? QStringLiteral("none above the base") : factors.join(QStringLiteral(", ")));
    return {{QStringLiteral("action"), action},
            {QStringLiteral("risk_score"), p.riskScore},
            {QStringLiteral("risk_level"), p.level},
            {QStringLiteral("recommendations"), QJsonArray::fromStringList(p.recommendations)},
            {QStringLiteral("blockers"), blockers},
            {QStringLiteral("reasoning"), reasoning}};
}

}  // namespace atalaya

#include "core/release/ReleaseRules.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/risk/RiskFeatureLabels.h"
#include "core/risk/RiskFeatures.h"

#include <QJsonArray>

#include <algorithm>

namespace atalaya {
namespace {

using T = ReleaseThresholds;

QString num(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

ReleaseReason riskLevelRule(const RiskPrediction &p)
{
    const QString score = num(p.riskScore, 3);
    if (p.level == QLatin1String("high"))
        return {QStringLiteral("risk_level"), RuleStatus::NoGo,
                ReleaseText::tr("Risk is high (score %1 ≥ 0.70): do not deploy as is.").arg(score)};
    if (p.level == QLatin1String("medium"))
        return {QStringLiteral("risk_level"), RuleStatus::Condition,
                ReleaseText::tr("Risk is medium (score %1): deploy with a rollback plan and close watch.").arg(score)};
    return {QStringLiteral("risk_level"), RuleStatus::Go, ReleaseText::tr("Risk is low (score %1).").arg(score)};
}

ReleaseReason factorRule(const RiskPrediction &p)
{
    const RiskFactor *top = nullptr;
    for (const RiskFactor &f : p.topFactors)
        if (!top || f.contribution > top->contribution)
            top = &f;
    if (!top || top->contribution < T::kFactorCondition)
        return {QStringLiteral("risk_factors"), RuleStatus::Go,
                ReleaseText::tr("No single factor adds %1 or more to the risk score.").arg(num(T::kFactorCondition))};
    // The reader's word for the factor; the JSON's top_risk_factors keep the machine name.
    const QString detail =
        ReleaseText::tr("%1 adds %2 to the risk score.").arg(riskFeatureLabel(top->feature), num(top->contribution, 3));
    if (top->contribution >= T::kFactorNoGo)
        return {QStringLiteral("risk_factors"), RuleStatus::NoGo,
                detail + QLatin1Char(' ') + ReleaseText::tr("Address it before deploying.")};
    return {QStringLiteral("risk_factors"), RuleStatus::Condition,
            detail + QLatin1Char(' ') + ReleaseText::tr("Mitigate it or accept it explicitly.")};
}

QString agentList(const QStringList &agents)
{
    return agents.join(QStringLiteral(", "));
}

ReleaseReason overdueRule(const ReleaseInputs &in)
{
    QStringList p0, p1;
    qint64 n0 = 0, n1 = 0;
    for (const AgentReviews &r : in.reviews) {
        if (r.overdueP0 > 0)
            p0 << r.agentId;
        if (r.overdueP1 > 0)
            p1 << r.agentId;
        n0 += r.overdueP0;
        n1 += r.overdueP1;
    }
    // A condition, not a blocker: the release waits for a person to confirm those decisions,
    // which is what "go with conditions" asks; a staffed team always has a late one or two.
    if (n0 > 0)
        return {
            QStringLiteral("reviews_overdue"), RuleStatus::Condition,
            ReleaseText::tr("%1 P0 review(s) past their deadline (%2): review them first.").arg(n0).arg(agentList(p0))};
    if (n1 > 0)
        return {QStringLiteral("reviews_overdue"), RuleStatus::Condition,
                ReleaseText::tr("%1 P1 review(s) past their deadline (%2).").arg(n1).arg(agentList(p1))};
    return {QStringLiteral("reviews_overdue"), RuleStatus::Go, ReleaseText::tr("No P0 or P1 review is overdue.")};
}

ReleaseReason openRule(const ReleaseInputs &in)
{
    qint64 n0 = 0, n1 = 0;
    QStringList agents;
    for (const AgentReviews &r : in.reviews) {
        n0 += r.openP0 - r.overdueP0;
        n1 += r.openP1 - r.overdueP1;
        if (r.openP0 - r.overdueP0 + r.openP1 - r.overdueP1 > 0)
            agents << r.agentId;
    }
    if (n0 + n1 > 0)
        return {QStringLiteral("reviews_open"), RuleStatus::Condition,
                ReleaseText::tr("%1 P0 and %2 P1 review(s) open within their deadline (%3).")
                    .arg(n0)
                    .arg(n1)
                    .arg(agentList(agents))};
    return {QStringLiteral("reviews_open"), RuleStatus::Go,
            ReleaseText::tr("No open P0 or P1 review for the agents involved.")};
}

ReleaseReason alertRule(const ReleaseInputs &in)
{
    const auto count = [&](AlertSeverity s) {
        return std::count_if(in.alerts.begin(), in.alerts.end(), [s](const Alert &a) { return a.severity == s; });
    };
    const auto critical = count(AlertSeverity::Critical);
    const auto high = count(AlertSeverity::High);
    const auto medium = count(AlertSeverity::Medium);
    if (critical > 0)
        return {QStringLiteral("alerts"), RuleStatus::NoGo,
                ReleaseText::tr("%1 critical alert(s) active for the agents involved.").arg(critical)};
    if (high + medium > 0)
        return {
            QStringLiteral("alerts"), RuleStatus::Condition,
            ReleaseText::tr("%1 high and %2 medium alert(s) active for the agents involved.").arg(high).arg(medium)};
    return {QStringLiteral("alerts"), RuleStatus::Go, ReleaseText::tr("No active alert for the agents involved.")};
}

ReleaseReason calibrationRule(const ReleaseInputs &in)
{
    QStringList over, badlyOver;
    for (const AgentCalibration &c : in.calibration) {
        if (c.verdict != CalibrationVerdict::OverConfident)
            continue;
        const QString entry = QStringLiteral("%1 (ECE %2)").arg(c.agentId, num(c.ece.value_or(0), 3));
        (c.ece.value_or(0) >= T::kOverConfidentNoGoEce ? badlyOver : over) << entry;
    }
    if (!badlyOver.isEmpty())
        return {QStringLiteral("calibration"), RuleStatus::NoGo,
                ReleaseText::tr("Over-confident by %1 or more: %2; their confidence cannot be trusted.")
                    .arg(num(T::kOverConfidentNoGoEce), agentList(badlyOver))};
    if (!over.isEmpty())
        return {QStringLiteral("calibration"), RuleStatus::Condition,
                ReleaseText::tr("Over-confident: %1.").arg(agentList(over))};
    return {QStringLiteral("calibration"), RuleStatus::Go,
            ReleaseText::tr("No agent involved is over-confident on its reviewed decisions.")};
}

ReleaseReason stalenessRule(const ReleaseInputs &in)
{
    const int age = modelAgeDays(in.model, in.now);
    if (age >= T::kStaleDays)
        return {QStringLiteral("model_staleness"), RuleStatus::Condition,
                ReleaseText::tr("Model %1 was trained %2 days ago (%3 or more): retrain it.")
                    .arg(in.model.version)
                    .arg(age)
                    .arg(T::kStaleDays)};
    return {QStringLiteral("model_staleness"), RuleStatus::Go,
            ReleaseText::tr("Model %1 was trained %2 days ago.").arg(in.model.version).arg(age)};
}

ReleaseReason aucRule(const ReleaseInputs &in)
{
    if (!in.model.cvAuc)
        return {QStringLiteral("model_auc"), RuleStatus::Condition,
                ReleaseText::tr("The model has no cross-validated AUC: its risk figure is unproven.")};
    const double auc = *in.model.cvAuc;
    if (auc < T::kAucNoGo)
        return {QStringLiteral("model_auc"), RuleStatus::NoGo,
                ReleaseText::tr("CV AUC %1 < %2: the model barely tells failures apart; its verdict cannot be used.")
                    .arg(num(auc, 3), num(T::kAucNoGo))};
    if (auc < T::kAucCondition)
        return {QStringLiteral("model_auc"), RuleStatus::Condition,
                ReleaseText::tr("CV AUC %1 < %2: treat the risk figure as a weak signal.")
                    .arg(num(auc, 3), num(T::kAucCondition))};
    return {QStringLiteral("model_auc"), RuleStatus::Go, ReleaseText::tr("CV AUC %1.").arg(num(auc, 3))};
}

QJsonObject riskJson(const ReleaseInputs &in)
{
    const RiskPrediction &p = in.prediction;
    QJsonArray top;
    for (const RiskFactor &f : p.topFactors)
        top.append(QJsonObject{{QStringLiteral("feature"), riskFeatureName(f.feature)},
                               {QStringLiteral("contribution"), roundTo(f.contribution, 4)},
                               {QStringLiteral("value"), roundTo(f.value, 4)}});
    return {{QStringLiteral("cycle_id"), in.cycleId},
            {QStringLiteral("risk_score"), roundTo(p.riskScore, 4)},
            {QStringLiteral("risk_level"), p.level},
            {QStringLiteral("failure_probability"), roundTo(p.failureProbability, 4)},
            {QStringLiteral("confidence"), roundTo(p.confidence, 4)},
            {QStringLiteral("base_value"), roundTo(p.baseValue, 4)},
            {QStringLiteral("top_risk_factors"), top},
            {QStringLiteral("recommendations"), QJsonArray::fromStringList(p.recommendations)}};
}

QJsonObject reviewsJson(const ReleaseInputs &in)
{
    qint64 open0 = 0, open1 = 0, over0 = 0, over1 = 0;
    QJsonArray agents;
    for (const AgentReviews &r : in.reviews) {
        open0 += r.openP0;
        open1 += r.openP1;
        over0 += r.overdueP0;
        over1 += r.overdueP1;
        agents.append(QJsonObject{{QStringLiteral("agent_id"), r.agentId},
                                  {QStringLiteral("open_p0"), r.openP0},
                                  {QStringLiteral("open_p1"), r.openP1},
                                  {QStringLiteral("overdue_p0"), r.overdueP0},
                                  {QStringLiteral("overdue_p1"), r.overdueP1}});
    }
    QJsonArray items;
    for (const QueueItem &i : in.openItems)
        items.append(
            QJsonObject{{QStringLiteral("id"), i.id},
                        {QStringLiteral("agent_id"), i.agentId},
                        {QStringLiteral("task_type"), i.taskType},
                        {QStringLiteral("priority"), priorityName(i.priority)},
                        {QStringLiteral("due_at"), i.dueAt.isValid() ? QJsonValue(toIsoUtc(i.dueAt)) : QJsonValue()},
                        {QStringLiteral("overdue"), i.overdueAt(in.now)}});
    return {{QStringLiteral("open_p0"), open0},    {QStringLiteral("open_p1"), open1},
            {QStringLiteral("overdue_p0"), over0}, {QStringLiteral("overdue_p1"), over1},
            {QStringLiteral("agents"), agents},    {QStringLiteral("items"), items}};
}

QJsonArray alertsArray(const ReleaseInputs &in)
{
    QJsonArray list;
    for (const Alert &a : in.alerts)
        list.append(QJsonObject{{QStringLiteral("severity"), severityKey(a.severity)},
                                {QStringLiteral("metric"), a.metric},
                                {QStringLiteral("agent_id"), a.agentId},
                                {QStringLiteral("value"), roundTo(a.value, 4)},
                                {QStringLiteral("threshold"), a.threshold},
                                {QStringLiteral("message"), alertMessage(a, QLocale::c())}});
    return list;
}

QJsonArray calibrationArray(const ReleaseInputs &in)
{
    QJsonArray list;
    for (const AgentCalibration &c : in.calibration)
        list.append(QJsonObject{
            {QStringLiteral("agent_id"), c.agentId},
            {QStringLiteral("reviewed"), c.reviewed},
            {QStringLiteral("ece"), roundedOrNull(c.ece, 4)},
            {QStringLiteral("verdict"), c.verdict ? QJsonValue(calibrationVerdictKey(*c.verdict)) : QJsonValue()}});
    return list;
}

}  // namespace

QString ruleStatusKey(RuleStatus status)
{
    switch (status) {
    case RuleStatus::Go: return QStringLiteral("go");
    case RuleStatus::Condition: return QStringLiteral("condition");
    case RuleStatus::NoGo: break;
    }
    return QStringLiteral("no_go");
}

int modelAgeDays(const ModelFacts &model, const QDateTime &now)
{
    if (!model.trainedAt.isValid())
        return 0;
    return static_cast<int>(std::max<qint64>(0, model.trainedAt.secsTo(now) / 86400));
}

std::vector<ReleaseReason> evaluateReleaseRules(const ReleaseInputs &in)
{
    return {riskLevelRule(in.prediction), factorRule(in.prediction), overdueRule(in), openRule(in), alertRule(in),
            calibrationRule(in),          stalenessRule(in),         aucRule(in)};
}

QString releaseVerdict(const std::vector<ReleaseReason> &reasons)
{
    const auto any = [&](RuleStatus s) {
        return std::any_of(reasons.begin(), reasons.end(), [s](const ReleaseReason &r) { return r.status == s; });
    };
    if (any(RuleStatus::NoGo))
        return QStringLiteral("no_go");
    if (any(RuleStatus::Condition))
        return QStringLiteral("go_with_conditions");
    return QStringLiteral("go");
}

ReleaseCheck judgeRelease(ReleaseInputs inputs)
{
    ReleaseCheck check;
    check.reasons = evaluateReleaseRules(inputs);
    check.verdict = releaseVerdict(check.reasons);
    check.inputs = std::move(inputs);
    return check;
}

QJsonObject releaseCheckJson(const ReleaseCheck &check)
{
    const ReleaseInputs &in = check.inputs;
    const QJsonObject model{{QStringLiteral("version"), in.model.version},
                            {QStringLiteral("trained_at"), toIsoUtc(in.model.trainedAt)},
                            {QStringLiteral("age_days"), modelAgeDays(in.model, in.now)},
                            {QStringLiteral("stale"), modelAgeDays(in.model, in.now) >= T::kStaleDays},
                            {QStringLiteral("cv_auc"), roundedOrNull(in.model.cvAuc, 4)}};
    return {{QStringLiteral("verdict"), check.verdict},
            {QStringLiteral("cycle_id"), in.cycleId},
            {QStringLiteral("generated_at"), toIsoUtc(in.now)},
            {QStringLiteral("period_days"), in.windowDays},
            {QStringLiteral("reasons"), reasonsJson(check.reasons)},
            {QStringLiteral("conditions"), detailsWith(check.reasons, RuleStatus::Condition)},
            {QStringLiteral("agents"), QJsonArray::fromStringList(in.agents)},
            {QStringLiteral("agents_source"), in.agentsGiven ? QStringLiteral("given") : QStringLiteral("found")},
            {QStringLiteral("risk"), riskJson(in)},
            {QStringLiteral("reviews"), reviewsJson(in)},
            {QStringLiteral("alerts"), alertsArray(in)},
            {QStringLiteral("calibration"), calibrationArray(in)},
            {QStringLiteral("model"), model}};
}

QJsonArray reasonsJson(const std::vector<ReleaseReason> &reasons)
{
    QJsonArray out;
    for (const ReleaseReason &r : reasons) {
        out.append(QJsonObject{{QStringLiteral("rule"), r.rule},
                               {QStringLiteral("status"), ruleStatusKey(r.status)},
                               {QStringLiteral("detail"), r.detail}});
    }
    return out;
}

QJsonArray detailsWith(const std::vector<ReleaseReason> &reasons, RuleStatus status)
{
    QJsonArray out;
    for (const ReleaseReason &r : reasons) {
        if (r.status == status)
            out.append(r.detail);
    }
    return out;
}

}  // namespace atalaya

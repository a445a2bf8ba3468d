#include "core/agreement/AgreementJson.h"

#include "core/common/JsonUtil.h"

#include <QJsonArray>

namespace atalaya {
namespace {

constexpr int kRatioDecimals = 4;
constexpr int kPercentDecimals = 2;

QJsonArray intervalJson(const std::optional<std::pair<double, double>> &ci)
{
    if (!ci)
        return {QJsonValue(), QJsonValue()};
    return {roundTo(ci->first, kRatioDecimals), roundTo(ci->second, kRatioDecimals)};
}

void addKappa(QJsonObject &o, const KappaFigures &f)
{
    o.insert(QStringLiteral("kappa_weighted"), roundedOrNull(f.kappa, kRatioDecimals));
    o.insert(QStringLiteral("kappa_ci"), intervalJson(f.interval));
    o.insert(QStringLiteral("percent_agreement"), roundedOrNull(f.percentAgreement, kPercentDecimals));
    o.insert(QStringLiteral("n"), f.n);
}

QJsonObject reviewerJson(const ReviewerFigures &r)
{
    QJsonObject medians;
    for (int p = 0; p < kPriorityCount; ++p)
        medians.insert(priorityName(static_cast<Priority>(p)), roundedOrNull(r.medianSecondsToVerdict[size_t(p)], 1));
    return {{QStringLiteral("reviewer"), r.reviewer},
            {QStringLiteral("verdicts"), r.verdicts},
            {QStringLiteral("first_reviews"), r.firstReviews},
            {QStringLiteral("second_reviews"), r.secondReviews},
            {QStringLiteral("adjudications"), r.adjudications},
            {QStringLiteral("median_seconds_to_verdict"), medians},
            {QStringLiteral("sla_hit_rate"), roundedOrNull(r.slaHitRate(), kRatioDecimals)},
            {QStringLiteral("sla_n"), r.slaDue},
            {QStringLiteral("adjudicated"), r.adjudicated},
            {QStringLiteral("overturned"), r.overturned},
            {QStringLiteral("overturned_share"), roundedOrNull(r.overturnedShare(), kRatioDecimals)}};
}

}  // namespace

QJsonObject agreementJson(const AgreementReport &report)
{
    QJsonObject overall;
    addKappa(overall, report.overall);
    overall.insert(QStringLiteral("fleiss_kappa"), roundedOrNull(report.fleiss.kappa, kRatioDecimals));
    overall.insert(QStringLiteral("fleiss_n"), report.fleiss.items);
    QJsonArray agents;
    for (const AgentAgreement &a : report.agents) {
        QJsonObject o{{QStringLiteral("agent_id"), a.agentId}};
        addKappa(o, a.figures);
        agents.append(o);
    }
    QJsonArray pairs;
    for (const PairAgreement &p : report.pairs) {
        QJsonObject o{{QStringLiteral("reviewer_a"), p.reviewerA}, {QStringLiteral("reviewer_b"), p.reviewerB}};
        addKappa(o, p.figures);
        pairs.append(o);
    }
    QJsonArray reviewers;
    for (const ReviewerFigures &r : report.reviewers)
        reviewers.append(reviewerJson(r));
    return {{QStringLiteral("overall"), overall},
            {QStringLiteral("agents"), agents},
            {QStringLiteral("pairs"), pairs},
            {QStringLiteral("reviewers"), reviewers},
            {QStringLiteral("kappa_ci_method"),
             QStringLiteral("percentile bootstrap, %1 resamples, fixed seed").arg(agreement::kBootstrapResamples)},
            {QStringLiteral("kappa_min_pairs"), kMinKappaPairs}};
}

}  // namespace atalaya

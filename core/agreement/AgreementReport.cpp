#include "core/agreement/AgreementReport.h"

#include <algorithm>
#include <map>

namespace atalaya {
namespace {

// The latest review of each role of one decision.
struct DecisionReviews {
    QString agentId;
    std::optional<ReviewRecord> first;
    std::optional<ReviewRecord> second;
    std::optional<ReviewRecord> adjudication;
};

void keepLatest(std::optional<ReviewRecord> &slot, const ReviewRecord &r)
{
    if (!slot || slot->id < r.id)
        slot = r;
}

std::optional<double> median(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

}  // namespace

KappaFigures kappaFigures(const agreement::RatingTable &table)
{
    KappaFigures f;
    f.table = table;
    f.n = table.n();
    f.kappa = agreement::weightedKappa(table);
    f.interval = agreement::kappaInterval(table);
    if (const auto share = agreement::agreementShare(table))
        f.percentAgreement = *share * 100.0;
    return f;
}

std::optional<double> ReviewerFigures::slaHitRate() const
{
    return ratio(slaMet, slaDue);
}

std::optional<double> ReviewerFigures::overturnedShare() const
{
    return ratio(overturned, firstReviews + secondReviews);
}

AgreementReport computeAgreement(const std::vector<ReviewRecord> &reviews, const ReviewRules &rules)
{
    std::map<qint64, DecisionReviews> decisions;
    std::map<QString, ReviewerFigures> reviewers;
    std::map<QString, std::array<std::vector<double>, kPriorityCount>> waits;
    for (const ReviewRecord &r : reviews) {
        DecisionReviews &d = decisions[r.telemetryId];
        d.agentId = r.agentId;
        ReviewerFigures &who = reviewers[r.reviewer];
        who.reviewer = r.reviewer;
        ++who.verdicts;
        switch (r.role) {
        case ReviewRecord::Role::First:
            keepLatest(d.first, r);
            ++who.firstReviews;
            break;
        case ReviewRecord::Role::Second:
            keepLatest(d.second, r);
            ++who.secondReviews;
            break;
        case ReviewRecord::Role::Adjudication:
            keepLatest(d.adjudication, r);
            ++who.adjudications;
            break;
        }
        if (!r.priority)
            continue;
        const auto p = static_cast<size_t>(*r.priority);
        waits[r.reviewer][p].push_back(double(r.decisionCreatedAt.msecsTo(r.reviewedAt)) / 1000.0);
        // The queue's SLA is the deadline for a decision's review, which the first review meets.
        const QDateTime due = rules.dueAt(*r.priority, r.decisionCreatedAt);
        if (r.role == ReviewRecord::Role::First && due.isValid()) {
            ++who.slaDue;
            if (r.reviewedAt <= due)
                ++who.slaMet;
        }
    }

    agreement::RatingTable overall;
    std::map<QString, agreement::RatingTable> byAgent;
    std::map<std::pair<QString, QString>, agreement::RatingTable> byPair;
    std::vector<std::array<int, agreement::kCategories>> threeRatings;
    for (const auto &[id, d] : decisions) {
        if (d.first && d.second) {
            overall.add(d.first->rank, d.second->rank);
            byAgent[d.agentId].add(d.first->rank, d.second->rank);
            const bool inOrder = d.first->reviewer <= d.second->reviewer;
            const ReviewRecord &a = inOrder ? *d.first : *d.second;
            const ReviewRecord &b = inOrder ? *d.second : *d.first;
            byPair[{a.reviewer, b.reviewer}].add(a.rank, b.rank);
            if (d.adjudication) {
                std::array<int, agreement::kCategories> counts{};
                for (const ReviewRecord *r : {&*d.first, &*d.second, &*d.adjudication})
                    ++counts[size_t(r->rank)];
                threeRatings.push_back(counts);
            }
        }
        if (!d.adjudication)
            continue;
        for (const std::optional<ReviewRecord> *r : {&d.first, &d.second}) {
            if (!*r)
                continue;
            ReviewerFigures &who = reviewers[(*r)->reviewer];
            ++who.adjudicated;
            if ((*r)->rank != d.adjudication->rank)
                ++who.overturned;
        }
    }

    AgreementReport report;
    report.overall = kappaFigures(overall);
    report.fleiss.items = qint64(threeRatings.size());
    report.fleiss.kappa = agreement::fleissKappa(threeRatings);
    for (const auto &[agent, table] : byAgent)
        report.agents.push_back({agent, kappaFigures(table)});
    for (const auto &[pair, table] : byPair)
        report.pairs.push_back({pair.first, pair.second, kappaFigures(table)});
    std::stable_sort(report.pairs.begin(), report.pairs.end(),
                     [](const PairAgreement &x, const PairAgreement &y) { return x.figures.n > y.figures.n; });
    for (auto &[name, who] : reviewers) {
        const auto &w = waits[name];
        for (size_t p = 0; p < size_t(kPriorityCount); ++p)
            who.medianSecondsToVerdict[p] = median(w[p]);
        report.reviewers.push_back(who);
    }
    return report;
}

}  // namespace atalaya

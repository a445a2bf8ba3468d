#pragma once

#include "core/agreement/Kappa.h"
#include "core/queue/ReviewRules.h"
#include "core/telemetry/Feedback.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace atalaya {

// One row of atalaya_reviews with what the figures need of its decision.
struct ReviewRecord {
    using Role = ReviewRole;
    qint64 id = 0;  // the review row, for "the latest of a role wins"
    qint64 telemetryId = 0;
    QString agentId;
    QString reviewer;
    int rank = 0;  // agreement::verdictRank
    Role role = Role::First;
    QDateTime reviewedAt;  // UTC
    QDateTime decisionCreatedAt;  // UTC
    std::optional<Priority> priority;  // the decision's, by the review rules; nullopt: no rule matches
};

// Weighted κ, percent agreement and the interval over a set of rated pairs (docs/REVIEW_QUEUE.md
// §Agreement). Every figure is nullopt when it is undefined; n is the number of rated pairs.
struct KappaFigures {
    std::optional<double> kappa;
    std::optional<std::pair<double, double>> interval;
    std::optional<double> percentAgreement;  // 0..100
    qint64 n = 0;
    agreement::RatingTable table;
};
KappaFigures kappaFigures(const agreement::RatingTable &table);

// Below this many rated pairs the GUI and the PDF report say "too few pairs" instead of κ and
// its interval (docs/AGREEMENT.md §Too few pairs says why 30); the CLI keeps the numbers.
constexpr qint64 kMinKappaPairs = 30;
inline bool enoughPairsForKappa(const KappaFigures &f)
{
    return f.n >= kMinKappaPairs;
}

struct AgentAgreement {
    QString agentId;
    KappaFigures figures;
};

// The two reviewers of a pair in name order, whichever reviewed first.
struct PairAgreement {
    QString reviewerA;
    QString reviewerB;
    KappaFigures figures;
};

struct ReviewerFigures {
    QString reviewer;
    qint64 verdicts = 0;  // every role
    qint64 firstReviews = 0;
    qint64 secondReviews = 0;
    qint64 adjudications = 0;
    // Median seconds from the decision's creation to this reviewer's verdict (every role), per
    // priority P0..P3; nullopt when the reviewer gave no verdict at that priority.
    std::array<std::optional<double>, kPriorityCount> medianSecondsToVerdict;
    // First reviews of decisions whose priority has an SLA, and those given by the deadline.
    qint64 slaDue = 0;
    qint64 slaMet = 0;
    // First and second verdicts on decisions that went to adjudication, and those the
    // adjudicator overturned (a final verdict other than this reviewer's).
    qint64 adjudicated = 0;
    qint64 overturned = 0;

    std::optional<double> slaHitRate() const;  // 0..1
    std::optional<double> overturnedShare() const;  // overturned / (first + second reviews), 0..1
};

// Fleiss' κ over the decisions rated three times: first, second and adjudication.
struct FleissFigures {
    std::optional<double> kappa;
    qint64 items = 0;
};

struct AgreementReport {
    KappaFigures overall;
    FleissFigures fleiss;
    std::vector<AgentAgreement> agents;  // by agent id
    std::vector<PairAgreement> pairs;  // most rated pairs first
    std::vector<ReviewerFigures> reviewers;  // by name
};

// The figures of a set of reviews. A decision with a first and a second review is a rated
// pair; when a decision carries several reviews of one role, the latest (highest id) counts
// for κ and adjudication, every one counts as a verdict. `rules` gives the SLA of each priority.
AgreementReport computeAgreement(const std::vector<ReviewRecord> &reviews, const ReviewRules &rules);

}  // namespace atalaya

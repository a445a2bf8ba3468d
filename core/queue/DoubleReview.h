#pragma once

#include "core/common/Result.h"
#include "core/queue/ReviewQueue.h"
#include "core/telemetry/Feedback.h"

#include <array>
#include <memory>
#include <vector>

namespace atalaya {

class Database;

// How many decisions wait in a double-review view, per priority (the rules' classification, a
// decision no rule matches counted as P3), and how many wait but not for this reviewer: their
// own review is part of them, so another reviewer must give the next one.
struct DoubleReviewCounts {
    std::array<qint64, kPriorityCount> total{};
    qint64 forOthers = 0;
    qint64 all() const { return total[0] + total[1] + total[2] + total[3]; }
};

// The review queue's "Second review" and "Adjudication" views (docs/REVIEW_QUEUE.md §Double
// review). Which reviewed decisions get a second review is the rules' secondReview() part;
// the reviews themselves are atalaya_reviews, written by FeedbackRepository.
class DoubleReview {
public:
    DoubleReview(std::shared_ptr<const Database> db, ReviewRules rules);

    // Reviewed decisions picked for a second review that have none yet, oldest first, leaving
    // out those whose first review is `reviewer`'s. Blind: the items carry no review.
    Result<std::vector<QueueItem>> secondReviewItems(const QString &reviewer, const QueueFilter &filter) const;
    // Decisions whose second review disagrees with the first and that nobody adjudicated yet,
    // oldest first, each with both reviews, leaving out those `reviewer` gave one of the two
    // verdicts of: an adjudication comes from a third reviewer.
    Result<std::vector<QueueItem>> adjudicationItems(const QString &reviewer, const QueueFilter &filter) const;
    // What each view holds for `reviewer` (filter.agentId applies; priority and limit do not).
    Result<DoubleReviewCounts> secondReviewCounts(const QString &reviewer, const QueueFilter &filter) const;
    Result<DoubleReviewCounts> adjudicationCounts(const QString &reviewer, const QueueFilter &filter) const;
    // The role a verdict by `reviewer` on decision `id` takes when none is given: first when
    // it has none; adjudication while a disagreement waits; second when the rules pick it,
    // it has no second review and the first is someone else's; else first (a correction).
    Result<ReviewRole> inferRole(qint64 id, const QString &reviewer) const;

private:
    // A view as SQL over ai_telemetry: which decisions wait in it, and which of those are
    // `reviewer`'s own (left out of their list, counted as waiting for others).
    struct ViewSql {
        QString waiting;
        QVariantList waitingValues;
        QString own;
        QVariantList ownValues;
        // Ids first, ordered here: over most decisions, an ORDER BY created_at LIMIT makes
        // MariaDB walk idx_created_at past every decision reviewed long ago.
        bool orderHere = false;
    };
    // The view's page as a WHERE over ai_telemetry with its values: the condition itself, or
    // an id list from the condition's matches ordered here.
    Result<std::pair<QString, QVariantList>> pageCondition(const ViewSql &view, const QueueFilter &filter) const;
    std::optional<ViewSql> secondReviewSql(const QString &reviewer) const;
    ViewSql adjudicationSql(const QString &reviewer) const;
    Result<std::vector<QueueItem>> read(const ViewSql &view, const QueueFilter &filter, bool withReviews) const;
    Result<DoubleReviewCounts> count(const ViewSql &view, const QueueFilter &filter) const;

    std::shared_ptr<const Database> m_db;
    ReviewRules m_rules;
};

}  // namespace atalaya

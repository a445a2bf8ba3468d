#pragma once

#include "core/common/Result.h"
#include "core/queue/ReviewQueue.h"
#include "core/telemetry/Feedback.h"

#include <memory>
#include <vector>

namespace atalaya {

class Database;

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
    // oldest first, each with both reviews.
    Result<std::vector<QueueItem>> adjudicationItems(const QueueFilter &filter) const;
    // The role a verdict by `reviewer` on decision `id` takes when none is given: first when
    // it has none; adjudication while a disagreement waits; second when the rules pick it,
    // it has no second review and the first is someone else's; else first (a correction).
    Result<ReviewRole> inferRole(qint64 id, const QString &reviewer) const;

private:
    Result<std::vector<QueueItem>> read(const QString &where, QVariantList values, const QueueFilter &filter,
                                        bool withReviews) const;

    std::shared_ptr<const Database> m_db;
    ReviewRules m_rules;
};

}  // namespace atalaya

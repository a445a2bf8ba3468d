#pragma once

#include "core/common/Result.h"
#include "core/demo/DemoGenerator.h"
#include "core/queue/ReviewRules.h"

#include <QDateTime>

#include <vector>

namespace atalaya {

class Database;

// The demo team's double reviews (docs/REVIEW_QUEUE.md §Double review), planned from the first
// verdicts of demo decisions firstId, firstId + idStep, … (idStep > 1 on a Galera cluster): the decisions the rules pick get a blind
// second review by another team member hours later; ~90 % agree (fewer on a partial first
// verdict); most disagreements are adjudicated by a third member, the rest wait. Reviews that
// would come after `now` have not happened yet, so the Second-review view is not empty.
struct DemoDoubleReviewPlan {
    struct Review {
        qint64 telemetryId = 0;
        QString reviewer;
        Feedback value = Feedback::Correct;
        ReviewRole role = ReviewRole::First;
        QDateTime at;
        QString note;
    };
    std::vector<Review> reviews;  // first reviews of every verdict, then the second and adjudications
    int seconds = 0;
    int agreed = 0;
    int adjudicated = 0;
    int awaitingAdjudication = 0;
};

DemoDoubleReviewPlan planDemoDoubleReviews(const std::vector<DemoReview> &firstReviews, qint64 firstId, qint64 idStep,
                                           const ReviewRules &rules, const QDateTime &now, quint64 seed);

// Writes the plan in one transaction: the review rows, an audit row for every verdict in time order
// (chained like FeedbackRepository's), and the adjudicators' verdicts into ai_telemetry.
Status writeDemoDoubleReviews(const Database &db, const DemoDoubleReviewPlan &plan);

}  // namespace atalaya

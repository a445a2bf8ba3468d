#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Feedback.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace atalaya {

class Database;

// One row of atalaya_reviews (docs/DATA.md).
struct ReviewRow {
    qint64 id = 0;  // 0 for the derived first review of another system
    qint64 telemetryId = 0;
    QString reviewer;
    QString verdict;
    QString note;
    ReviewRole role = ReviewRole::First;
    QDateTime createdAt;
};

// What the reviews of one decision say, as the rules of docs/REVIEW_QUEUE.md §Double review
// read them: the latest row of each role counts. A decision with human_feedback set and no
// first row has a first review by "(external)" (derived; stored as such when a second review
// comes, so an adjudication that changes human_feedback keeps it).
struct ReviewState {
    std::optional<ReviewRow> first;
    std::optional<ReviewRow> second;
    std::optional<ReviewRow> adjudication;

    bool awaitingAdjudication() const { return first && second && !adjudication && first->verdict != second->verdict; }
};

namespace reviews {

// `current` is ai_telemetry.human_feedback as read in the caller's transaction.
Result<ReviewState> readState(const Database &db, qint64 telemetryId, const QString &current);
// Every stored review of a decision, oldest first, with the derived external first review.
Result<std::vector<ReviewRow>> readAll(const Database &db, qint64 telemetryId, const QString &current);

// Why a review in `role` by `reviewer` cannot be recorded now (Usage: not possible;
// Conflict: someone else did it meanwhile), or success.
Status checkRole(const ReviewState &state, ReviewRole role, const QString &reviewer, qint64 telemetryId);

// In the caller's transaction.
Status insert(const Database &db, const ReviewRow &row);
// Removes the reviewer's latest review of `role` on the decision (an undo).
Status removeLatest(const Database &db, qint64 telemetryId, ReviewRole role, const QString &reviewer);

}  // namespace reviews
}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Feedback.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

struct FeedbackRequest {
    qint64 telemetryId = 0;
    Feedback value = Feedback::Correct;
    QString reviewer;  // empty = the OS login name (osLoginName)
    QString note;
    // When set, the write is refused with ErrorCode::Conflict if the stored value is no longer
    // this one ("" = pending): another reviewer wrote meanwhile (docs/REVIEW_QUEUE.md).
    std::optional<QString> expectedPrevious;
    // Client-generated idempotency key (the outbox's): a write whose key is already stored
    // committed before, and is reported as such instead of being applied again.
    QString clientKey;
    // Which review this is (docs/REVIEW_QUEUE.md §Double review): a first review sets
    // human_feedback, a second one leaves it (an agreement keeps it, a disagreement waits for
    // adjudication with the first verdict), an adjudication sets it.
    ReviewRole role = ReviewRole::First;
};

// Undo restores a previous value, which may be "pending".
struct FeedbackRestore {
    qint64 telemetryId = 0;
    std::optional<Feedback> value;  // nullopt = back to pending
    QString reviewer;
    QString note;
    // Refused with ErrorCode::Conflict when the stored value is no longer this one.
    std::optional<QString> expectedPrevious;
    QString clientKey;
    ReviewRole role = ReviewRole::First;  // the reviewer's latest review of this role is removed
};

struct FeedbackResult {
    qint64 id = 0;
    QString humanFeedback;  // the final verdict after the write; empty when restored to pending
    std::optional<double> accuracy;
    QString previous;  // empty when it was pending
    ReviewRole role = ReviewRole::First;
    bool alreadyApplied = false;  // the clientKey was delivered before; nothing was written
};

struct AuditEntry {
    qint64 id = 0;
    qint64 telemetryId = 0;
    QString previousValue;
    QString newValue;
    QString reviewer;
    QString note;
    QString clientHost;
    QDateTime createdAt;
};

// Writes human feedback: value and accuracy in one UPDATE, the review row (atalaya_reviews) and
// an append-only audit row, in one transaction (docs/RELIABILITY.md §No verdict lost).
class FeedbackRepository {
public:
    explicit FeedbackRepository(std::shared_ptr<const Database> db);

    Result<FeedbackResult> record(const FeedbackRequest &request) const;
    Result<FeedbackResult> restore(const FeedbackRestore &request) const;
    Result<std::vector<AuditEntry>> history(qint64 telemetryId) const;

private:
    struct Write {
        qint64 id = 0;
        std::optional<Feedback> value;
        QString reviewer;
        QString note;
        std::optional<QString> expectedPrevious;
        QString clientKey;
        ReviewRole role = ReviewRole::First;
        bool restore = false;
    };
    Result<FeedbackResult> write(Write w) const;

    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

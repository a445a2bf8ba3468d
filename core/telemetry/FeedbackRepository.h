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
};

struct FeedbackResult {
    qint64 id = 0;
    QString humanFeedback;  // empty when restored to pending
    std::optional<double> accuracy;
    QString previous;  // empty when it was pending
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

// Writes human feedback: value and accuracy in one UPDATE, plus an append-only audit row,
// in one transaction (docs/RELIABILITY.md §No verdict lost).
class FeedbackRepository {
public:
    explicit FeedbackRepository(std::shared_ptr<const Database> db);

    Result<FeedbackResult> record(const FeedbackRequest &request) const;
    Result<FeedbackResult> restore(const FeedbackRestore &request) const;
    Result<std::vector<AuditEntry>> history(qint64 telemetryId) const;

private:
    Result<FeedbackResult> write(qint64 id, const std::optional<Feedback> &value, QString reviewer, const QString &note,
                                 const std::optional<QString> &expectedPrevious, const QString &clientKey) const;

    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/queue/ReviewRules.h"
#include "core/telemetry/ReviewRows.h"

#include <QDateTime>
#include <QSet>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

struct QueueFilter {
    std::optional<Priority> priority;  // only this priority's items (counts stay complete)
    QString agentId;  // empty = every agent
    bool includeAllP3 = false;  // every P3 match, not only the stable sample
    int limit = 200;
};

// One pending decision in the queue, with what the review pane shows.
struct QueueItem {
    qint64 id = 0;
    QString agentId;
    QString taskType;
    double confidence = 0.0;
    qint64 executionTimeMs = 0;
    QDateTime createdAt;
    Priority priority = Priority::P3;
    QString reason;
    QDateTime dueAt;  // invalid = no deadline
    QByteArray decisionJson;
    QByteArray metadataJson;
    // The review a verdict on this item is: first in the pending queue, else the view's.
    ReviewRole role = ReviewRole::First;
    // Adjudication view only: the first and second review side by side. Empty in the
    // second-review view, which is blind.
    std::vector<ReviewRow> reviews;

    bool overdueAt(const QDateTime &now) const { return dueAt.isValid() && now > dueAt; }
};

struct QueueCounts {
    std::array<qint64, kPriorityCount> total{};
    std::array<qint64, kPriorityCount> overdue{};
    qint64 all() const { return total[0] + total[1] + total[2] + total[3]; }
};

struct QueueSnapshot {
    QDateTime generatedAt;
    QueueCounts counts;
    std::vector<QueueItem> items;  // priority, then due time (oldest first)
};

// Whether this account may record feedback; when not, why (docs/REVIEW_QUEUE.md, read-only account).
struct WriteAccess {
    bool writable = false;
    QString reason;
};

// The pending review queue (docs/REVIEW_QUEUE.md). Items come from one index-ordered query per
// priority (`human_feedback IS NULL … ORDER BY created_at, id LIMIT n`), stopping once the
// page is full, so the cost follows the page size, not the table (docs/PERFORMANCE.md §The review queue).
// Items and counts come from the read replica when there is one (Database::reads: never behind
// this process's own verdicts); writeAccess probes the primary, where verdicts go.
class ReviewQueue {
public:
    ReviewQueue(std::shared_ptr<const Database> db, ReviewRules rules);

    // From the queue counts table when it is kept for these rules (QueueCountsStore), else
    // from the rows; both exact.
    Result<QueueCounts> counts(const QueueFilter &filter, const QDateTime &now) const;
    // The counts without the decisions in `decided` that are still pending in the database:
    // verdicts given here that wait in the outbox or on the writer thread.
    Result<QueueCounts> countsWithout(const QueueFilter &filter, const QDateTime &now,
                                      const QSet<qint64> &decided) const;
    // Evaluates the rules over every pending row (the reference the counts table is held to).
    Result<QueueCounts> countsFromRows(const QueueFilter &filter, const QDateTime &now) const;
    Result<std::vector<QueueItem>> items(const QueueFilter &filter) const;
    Result<QueueSnapshot> snapshot(const QueueFilter &filter) const;
    // Decision `id` as a queue item while it waits for review, even when the rules or the P3
    // sample would not queue it (a reviewer jumped to it from a chat answer); nullopt when it
    // does not exist or is reviewed already.
    Result<std::optional<QueueItem>> pendingItem(qint64 id) const;
    Result<WriteAccess> writeAccess() const;

    const ReviewRules &rules() const { return m_rules; }

private:
    std::shared_ptr<const Database> m_db;
    ReviewRules m_rules;
};

}  // namespace atalaya

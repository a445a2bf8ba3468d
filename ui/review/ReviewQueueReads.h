#pragma once

#include "core/queue/ReviewQueue.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

// The two reads of a review queue refresh, each run on a worker thread (ReviewQueueController).

struct QueueItemsRead {
    std::optional<std::vector<QueueItem>> items;  // nullopt: `error` says why
    QDateTime generatedAt;
    WriteAccess access;
    QString error;
};

// The items waiting for `role` (First: the pending queue; Second and Adjudication: what waits
// for `reviewer` there) and whether verdicts can be written; a failed read is retried once on
// a new connection.
QueueItemsRead readQueueItems(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                              const QueueFilter &filter, ReviewRole role, const QString &reviewer);

struct QueueCountsRead {
    std::optional<QueueCounts> counts;  // nullopt: `error` says why
    QString error;
};

// The pending queue's counts per priority without the `uncounted` decisions (verdicts given but
// not in the database yet).
QueueCountsRead readQueueCounts(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                const QueueFilter &filter, const QSet<qint64> &uncounted);

}  // namespace atalaya

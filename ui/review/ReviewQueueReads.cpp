#include "ui/review/ReviewQueueReads.h"

#include "core/queue/DoubleReview.h"
#include "core/storage/Database.h"

namespace atalaya {

QueueItemsRead readQueueItems(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                              const QueueFilter &filter, ReviewRole role, const QString &reviewer)
{
    QueueItemsRead out;
    out.generatedAt = QDateTime::currentDateTimeUtc();
    const ReviewQueue queue(db, rules);
    auto readItems = [&] {
        switch (role) {
        case ReviewRole::Second: return DoubleReview(db, rules).secondReviewItems(reviewer, filter);
        case ReviewRole::Adjudication: return DoubleReview(db, rules).adjudicationItems(reviewer, filter);
        case ReviewRole::First: break;
        }
        return queue.items(filter);
    };
    auto items = readItems();
    if (!items) {
        db->reconnect();
        items = readItems();
    }
    if (!items) {
        out.error = items.error().message;
        return out;
    }
    out.items = std::move(*items);
    auto access = queue.writeAccess();
    out.access = access ? *access : WriteAccess{false, access.error().message};
    return out;
}

QueueCountsRead readQueueCounts(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                const QueueFilter &filter, const QSet<qint64> &uncounted)
{
    auto counts = ReviewQueue(db, rules).countsWithout(filter, QDateTime::currentDateTimeUtc(), uncounted);
    return counts ? QueueCountsRead{*counts, {}} : QueueCountsRead{std::nullopt, counts.error().message};
}

}  // namespace atalaya

#include "core/queue/QueueItemRow.h"

#include "core/common/TimeUtil.h"

#include <QVariant>

namespace atalaya {

QueueItem readQueueItem(const QSqlQuery &q)
{
    QueueItem item;
    item.id = q.value(0).toLongLong();
    item.agentId = q.value(1).toString();
    item.taskType = q.value(2).toString();
    item.confidence = q.value(3).toDouble();
    item.executionTimeMs = q.value(4).toLongLong();
    item.createdAt = fromDbDateTime(q.value(5));
    item.decisionJson = q.value(6).toByteArray();
    item.metadataJson = q.value(7).toByteArray();
    return item;
}

}  // namespace atalaya

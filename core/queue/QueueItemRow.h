#pragma once

#include "core/queue/ReviewQueue.h"

#include <QSqlQuery>

namespace atalaya {

// What every queue view reads of a decision, in this order.
inline const QString kQueueItemColumns = QStringLiteral(
    "SELECT id, agent_id, task_type, confidence_score, execution_time_ms, created_at, decision_made, metadata"
    " FROM ai_telemetry");

// A row of kQueueItemColumns; priority, reason and due time are the caller's.
QueueItem readQueueItem(const QSqlQuery &q);

}  // namespace atalaya

#include "core/telemetry/TelemetryRepository.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {

TelemetryRepository::TelemetryRepository(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<DecisionRow> TelemetryRepository::find(qint64 id) const
{
    auto q = execQuery(*m_db,
                       QStringLiteral("SELECT id, agent_id, task_type, decision_made, confidence_score,"
                                      " human_feedback, accuracy, execution_time_ms, metadata, created_at"
                                      " FROM ai_telemetry WHERE id = ?"),
                       {id}, QStringLiteral("reading decision %1").arg(id));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("telemetry id %1 does not exist").arg(id));
    DecisionRow row;
    row.id = q->value(0).toLongLong();
    row.agentId = q->value(1).toString();
    row.taskType = q->value(2).toString();
    row.decisionJson = q->value(3).toByteArray();
    row.confidence = q->value(4).toDouble();
    row.humanFeedback = q->value(5).toString();
    if (!q->value(6).isNull())
        row.accuracy = q->value(6).toDouble();
    row.executionTimeMs = q->value(7).toLongLong();
    row.metadataJson = q->value(8).toByteArray();
    row.createdAt = fromDbDateTime(q->value(9));
    return row;
}

Result<bool> TelemetryRepository::agentExists(const QString &agentId) const
{
    const Dialect &d = m_db->dialect();
    QVariantList values;
    for (int i = 0; i < d.exactMatchBindings(); ++i)
        values << agentId;
    auto q = execQuery(
        *m_db,
        QStringLiteral("SELECT 1 FROM ai_telemetry WHERE %1 LIMIT 1").arg(d.exactMatch(QStringLiteral("agent_id"))),
        values, QStringLiteral("looking up agent"));
    if (!q)
        return q.error();
    return q->next();
}

}  // namespace atalaya

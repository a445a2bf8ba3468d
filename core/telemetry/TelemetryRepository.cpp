#include "telemetry/TelemetryRepository.h"

#include "common/TimeUtil.h"
#include "logging/Logging.h"
#include "queue/QueueCountsBatch.h"
#include "rollup/RollupBatch.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

#include <QJsonDocument>
#include <QSqlError>

namespace atalaya {
namespace {

constexpr int kRowsPerStatement = 500;
constexpr int kStatementsPerTransaction = 40;

QString insertSql(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score,"
        " execution_time_ms, metadata, created_at, human_feedback, accuracy) VALUES ");
    const QString tuple = QStringLiteral("(?,?,?,?,?,?,?,?,?)");
    sql.reserve(sql.size() + rows * (tuple.size() + 1));
    for (int i = 0; i < rows; ++i) {
        if (i)
            sql += QLatin1Char(',');
        sql += tuple;
    }
    return sql;
}

void bindDecision(QSqlQuery &q, const DecisionInput &d, const QDateTime &now)
{
    q.addBindValue(d.agentId);
    q.addBindValue(d.taskType);
    q.addBindValue(QString::fromUtf8(QJsonDocument(d.decision).toJson(QJsonDocument::Compact)));
    // DECIMAL(5,4): bind text so neither driver rounds through a float first.
    q.addBindValue(QString::number(d.confidence, 'f', 4));
    q.addBindValue(d.executionTimeMs);
    q.addBindValue(QString::fromUtf8(QJsonDocument(d.metadata).toJson(QJsonDocument::Compact)));
    q.addBindValue(toDbDateTime(d.createdAt.isValid() ? d.createdAt : now));
    if (d.feedback) {
        q.addBindValue(feedbackToString(*d.feedback));
        q.addBindValue(QString::number(accuracyFor(*d.feedback), 'f', 4));
    } else {
        q.addBindValue(QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(QVariant(QMetaType::fromType<QString>()));
    }
}

// MySQL reports the first id of a multi-row INSERT, SQLite the last.
std::pair<qint64, qint64> idRange(const Database &db, const QSqlQuery &q, int rows)
{
    const qint64 reported = q.lastInsertId().toLongLong();
    if (db.dialect().isMySql())
        return {reported, reported + rows - 1};
    return {reported - rows + 1, reported};
}

} // namespace

TelemetryRepository::TelemetryRepository(std::shared_ptr<const Database> db) : m_db(std::move(db)) {}

Result<RecordedDecision> TelemetryRepository::record(const DecisionInput &decision) const
{
    auto batch = recordBatch({decision});
    if (!batch)
        return batch.error();
    RecordedDecision r;
    r.id = batch->firstId;
    r.agentId = decision.agentId;
    r.taskType = decision.taskType;
    r.confidence = QString::number(decision.confidence, 'f', 4).toDouble();
    auto stored = find(r.id);
    r.createdAt = stored ? stored->createdAt : decision.createdAt;
    logEvent(lcTelemetry(), QtInfoMsg, QStringLiteral("decision recorded"),
             {{QStringLiteral("telemetry_id"), r.id},
              {QStringLiteral("agent_id"), r.agentId},
              {QStringLiteral("latency_ms"), static_cast<double>(decision.executionTimeMs)}});
    return r;
}

Result<BatchReport> TelemetryRepository::recordBatch(const std::vector<DecisionInput> &decisions,
                                                     const std::function<void(qint64)> &progress) const
{
    BatchReport report;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 total = static_cast<qint64>(decisions.size());
    QSqlQuery full(m_db->connection());
    bool fullPrepared = false;
    qint64 next = 0;
    rollup::AppMaintainedRollups rollups(*m_db);
    queuecounts::QueueCountsBatch queueCounts(*m_db, rollups.active());
    while (next < total) {
        auto committed = inTransaction(*m_db, [&]() -> Result<qint64> {
            qint64 done = 0;
            for (int s = 0; s < kStatementsPerTransaction && next + done < total; ++s) {
                const int rows = static_cast<int>(std::min<qint64>(kRowsPerStatement, total - next - done));
                QSqlQuery partial(m_db->connection());
                QSqlQuery *q = &full;
                if (rows == kRowsPerStatement) {
                    if (!fullPrepared) {
                        if (!full.prepare(insertSql(rows)))
                            return sqlError(*m_db, full.lastError(), QStringLiteral("preparing the insert"));
                        fullPrepared = true;
                    }
                } else {
                    if (!partial.prepare(insertSql(rows)))
                        return sqlError(*m_db, partial.lastError(), QStringLiteral("preparing the insert"));
                    q = &partial;
                }
                for (int i = 0; i < rows; ++i) {
                    const DecisionInput &d = decisions[static_cast<size_t>(next + done + i)];
                    bindDecision(*q, d, now);
                    rollups.add(d, d.createdAt.isValid() ? d.createdAt : now);
                }
                if (!q->exec())
                    return sqlError(*m_db, q->lastError(),
                                    QStringLiteral("inserting decisions %1–%2")
                                        .arg(next + done + 1)
                                        .arg(next + done + rows));
                const auto [first, last] = idRange(*m_db, *q, rows);
                if (report.firstId == 0)
                    report.firstId = first;
                report.lastId = last;
                queueCounts.addIds(first, last);
                done += rows;
            }
            if (Status s = rollups.flush(); !s)
                return s.error();
            if (Status s = queueCounts.flush(); !s)
                return s.error();
            return done;
        });
        if (!committed) {
            Error e = committed.error();
            if (report.inserted > 0)
                e.message += QStringLiteral(" (%1 decisions before it were written, ids %2–%3)")
                                 .arg(report.inserted)
                                 .arg(report.firstId)
                                 .arg(report.lastId);
            return e;
        }
        next += *committed;
        report.inserted += *committed;
        if (progress)
            progress(report.inserted);
    }
    return report;
}

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
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("telemetry id %1 does not exist").arg(id));
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
    auto q = execQuery(*m_db,
                       QStringLiteral("SELECT 1 FROM ai_telemetry WHERE %1 LIMIT 1").arg(d.exactMatch(QStringLiteral("agent_id"))),
                       values, QStringLiteral("looking up agent"));
    if (!q)
        return q.error();
    return q->next();
}

} // namespace atalaya

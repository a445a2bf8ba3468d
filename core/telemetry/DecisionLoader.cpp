#include "telemetry/DecisionLoader.h"

#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/MySqlLocalLoad.h"
#include "storage/SqlUtil.h"

namespace atalaya {
namespace {

// Constant statements: the rows travel as the statement's file, encoded by TsvRows.
constexpr char kFormat[] = " INTO TABLE ai_telemetry CHARACTER SET utf8mb4"
                           " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'";
constexpr char kColumns[] = "agent_id, task_type, decision_made, confidence_score, execution_time_ms, metadata,"
                            " created_at, human_feedback, accuracy)";

QByteArray loadSql(bool withIds)
{
    return QByteArray("LOAD DATA LOCAL INFILE 'atalaya-rows'") + kFormat + (withIds ? " (id, " : " (") + kColumns;
}

} // namespace

DecisionLoader::DecisionLoader(const Database &db) : m_db(db) {}

Result<qint64> DecisionLoader::autoIncrement(const QString &what) const
{
    auto q = execQuery(m_db,
                       QStringLiteral("SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                                      " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ai_telemetry'"),
                       {}, what);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<std::optional<qint64>> DecisionLoader::load(const std::vector<StoredDecision> &rows, const QString &what)
{
    bool givenIds = false;
    if (m_nextId > 0) {
        auto counter = autoIncrement(what);
        if (!counter)
            return counter.error();
        givenIds = *counter == m_counterAfter;
    }
    if (Status s = execStatement(m_db, QStringLiteral("SAVEPOINT atalaya_rows"), {}, what); !s)
        return s.error();
    TsvRows tsv;
    qint64 id = m_nextId;
    for (const StoredDecision &d : rows) {
        if (givenIds)
            tsv.field(QByteArray::number(id++));
        tsv.field(d.agentId);
        tsv.field(d.taskType);
        tsv.field(d.decisionJson);
        tsv.field(d.confidence);
        tsv.field(QByteArray::number(d.executionTimeMs));
        tsv.field(d.metadataJson);
        tsv.field(d.createdAt);
        if (d.feedback) {
            tsv.field(feedbackColumn(*d.feedback));
            tsv.field(accuracyColumn(*d.feedback));
        } else {
            tsv.null();
            tsv.null();
        }
        tsv.endRow();
    }
    const auto count = static_cast<qint64>(rows.size());
    const LocalLoadOutcome loaded = loadDataLocal(m_db, loadSql(givenIds), tsv.text());
    if (loaded.ok && loaded.rows == count && loaded.warnings == 0) {
        qint64 first = m_nextId;
        if (!givenIds) {
            // The statement held the table's AUTO-INC lock throughout, so its ids are
            // consecutive from the first; LOAD DATA's OK packet carries no id.
            auto q = execQuery(m_db, QStringLiteral("SELECT LAST_INSERT_ID()"), {}, what);
            if (!q)
                return q.error();
            first = q->next() ? q->value(0).toLongLong() : 0;
        }
        auto counter = autoIncrement(what);
        if (!counter)
            return counter.error();
        m_nextId = first + count;
        m_counterAfter = *counter;
        return std::optional<qint64>(first);
    }
    const QString reason = loaded.ok ? QStringLiteral("the server took %1 of %2 rows with %3 warnings")
                                           .arg(loaded.rows)
                                           .arg(count)
                                           .arg(loaded.warnings)
                                     : loaded.error;
    qCWarning(lcTelemetry).noquote() << "LOAD DATA LOCAL not used:" << reason << "— writing the rows as INSERTs";
    if (Status s = execStatement(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT atalaya_rows"), {}, what); !s)
        return s.error();
    return std::optional<qint64>();
}

} // namespace atalaya

#include "core/telemetry/DecisionLoader.h"

#include "core/logging/Logging.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlLocalLoad.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {
namespace {

// Constant statements: the rows travel as the statement's file, encoded by TsvRows.
constexpr char kFormat[] = " INTO TABLE ai_telemetry CHARACTER SET utf8mb4"
                           " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'";
constexpr char kColumns[] = "agent_id, task_type, decision_made, confidence_score, execution_time_ms, metadata,"
                            " created_at, human_feedback, accuracy)";

// Encoded rows handed to the statement at a time.
constexpr qsizetype kSendBytes = 256 << 10;

QByteArray loadSql(bool withIds)
{
    return QByteArray("LOAD DATA LOCAL INFILE 'atalaya-rows'") + kFormat + (withIds ? " (id, " : " (") + kColumns;
}

}  // namespace

DecisionLoader::DecisionLoader(const Database &db) : m_db(db), m_tsv(std::make_unique<TsvRows>()) { }

DecisionLoader::~DecisionLoader() = default;

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

Status DecisionLoader::begin(const QString &what)
{
    m_givenIds = false;
    if (m_nextId > 0) {
        auto counter = autoIncrement(what);
        if (!counter)
            return counter.error();
        m_givenIds = *counter == m_counterAfter;
    }
    if (Status s = execStatement(m_db, QStringLiteral("SAVEPOINT atalaya_rows"), {}, what); !s)
        return s.error();
    auto load = LocalLoad::start(m_db, loadSql(m_givenIds));
    if (!load)
        return load.error();
    m_load = std::move(*load);
    m_tsv->clear();
    m_rows = 0;
    m_sending = true;
    return {};
}

void DecisionLoader::add(const StoredDecision &d)
{
    if (m_givenIds)
        m_tsv->field(QByteArray::number(m_nextId + m_rows));
    m_tsv->field(d.agentId);
    m_tsv->field(d.taskType);
    m_tsv->field(d.decisionJson);
    m_tsv->field(d.confidence);
    m_tsv->field(QByteArray::number(d.executionTimeMs));
    m_tsv->field(d.metadataJson);
    m_tsv->field(d.createdAt);
    if (d.feedback) {
        m_tsv->field(feedbackColumn(*d.feedback));
        m_tsv->field(accuracyColumn(*d.feedback));
    } else {
        m_tsv->null();
        m_tsv->null();
    }
    m_tsv->endRow();
    ++m_rows;
    if (m_tsv->text().size() >= kSendBytes)
        send();
}

void DecisionLoader::send()
{
    QByteArray bytes = m_tsv->take();
    if (m_sending && !bytes.isEmpty())
        m_sending = m_load->write(std::move(bytes));
}

Result<std::optional<qint64>> DecisionLoader::end(const QString &what)
{
    send();
    const LocalLoadOutcome loaded = m_load->finish();
    m_load.reset();
    if (loaded.ok && loaded.rows == m_rows && loaded.warnings == 0) {
        qint64 first = m_nextId;
        if (!m_givenIds) {
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
        m_nextId = first + m_rows;
        m_counterAfter = *counter;
        return std::optional<qint64>(first);
    }
    const QString reason = loaded.ok ? QStringLiteral("the server took %1 of %2 rows with %3 warnings")
                                           .arg(loaded.rows)
                                           .arg(m_rows)
                                           .arg(loaded.warnings)
                                     : loaded.error;
    qCWarning(lcTelemetry).noquote() << "LOAD DATA LOCAL not used:" << reason << "— writing the rows as INSERTs";
    if (Status s = execStatement(m_db, QStringLiteral("ROLLBACK TO SAVEPOINT atalaya_rows"), {}, what); !s)
        return s.error();
    return std::optional<qint64>();
}

}  // namespace atalaya

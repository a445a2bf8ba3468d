#include "core/telemetry/DecisionWriter.h"

#include "core/queue/QueueCountsBatch.h"
#include "core/rollup/RollupBatch.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/telemetry/DecisionLoader.h"
#include "core/storage/SqlUtil.h"

#include <QSqlError>

#include <future>

namespace atalaya {
namespace {

// Rows per INSERT. MySQL: 9 values a row and at most 65 535 a statement; bigger statements
// stopped paying off past ~2 000 rows (docs/performance/INGEST.md). SQLite: 32 766 variables.
constexpr int kMySqlRows = 2000;
constexpr int kSqliteRows = 500;
// Rows per LOAD DATA at most: no parameter limit there, and the server works while the rows
// stream in, so fewer statements are better; but a statement's rows stay in memory until
// the server has taken them all (they are sent again as INSERTs if it does not).
constexpr int kLoadRows = 50000;

QString insertSql(int rows)
{
    QString sql = QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score,"
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

}  // namespace

DecisionWriter::DecisionWriter(const Database &db)
    : m_db(db), m_rowsPerStatement(db.dialect().isMySql() ? kMySqlRows : kSqliteRows)
{
}

DecisionWriter::~DecisionWriter()
{
    if (m_open)
        rollback();
}

Status DecisionWriter::begin()
{
    m_report = {};
    m_pending.clear();
    m_loader.reset();
    if (m_db.dialect().isMySql())
        m_loader = std::make_unique<DecisionLoader>(m_db);
    m_rollups = std::make_unique<rollup::AppMaintainedRollups>(m_db);
    m_queueCounts = std::make_unique<queuecounts::QueueCountsBatch>(m_db, m_rollups->active());
    if (Status s = beginTransaction(m_db); !s) {
        m_rollups.reset();
        m_queueCounts.reset();
        return s;
    }
    m_open = true;
    return {};
}

bool DecisionWriter::rollupsActive() const
{
    return m_rollups && m_rollups->active();
}

void DecisionWriter::addRollups(rollup::RollupContributions &&contributions)
{
    m_rollups->add(std::move(contributions));
}

Status DecisionWriter::write(std::vector<StoredDecision> &&rows, Rollups rollups)
{
    for (StoredDecision &row : rows) {
        if (rollups == Rollups::AddHere)
            m_rollups->add(row);
        if (m_loader) {
            if (!m_loader->open()) {
                if (Status s = m_loader->begin(what(kLoadRows)); !s)
                    return s;
            }
            m_loader->add(row);
        }
        m_pending.push_back(std::move(row));
        if (static_cast<int>(m_pending.size()) == (m_loader ? kLoadRows : m_rowsPerStatement)) {
            if (Status s = runPending(); !s)
                return s;
        }
    }
    // The previous statement's rows, while the server takes this one's.
    countWritten();
    return {};
}

Status DecisionWriter::pause()
{
    if (m_loader && m_loader->open())
        return runPending();
    return {};
}

Result<BatchReport> DecisionWriter::commit()
{
    if (!m_pending.empty()) {
        if (Status s = runPending(); !s)
            return s.error();
    }
    // Memory work only: the last statement's rows go into the queue counts on another thread
    // while the server takes the rollup upserts.
    auto counting = std::async(std::launch::async, [this] { countWritten(); });
    const Status rolledUp = m_rollups->flush();
    counting.wait();
    if (!rolledUp)
        return rolledUp.error();
    if (Status s = m_queueCounts->flush(); !s)
        return s.error();
    m_open = false;
    if (Status s = commitTransaction(m_db); !s)
        return s.error();
    m_rollups.reset();
    m_queueCounts.reset();
    return m_report;
}

void DecisionWriter::rollback()
{
    m_open = false;
    m_loader.reset();  // ends a statement still streaming; the rollback undoes it
    m_pending.clear();
    m_written = {};
    rollbackTransaction(m_db);
    m_rollups.reset();
    m_queueCounts.reset();
}

QString DecisionWriter::what(int rows) const
{
    return QStringLiteral("inserting decisions %1–%2 (nothing was written)")
        .arg(m_report.inserted + 1)
        .arg(m_report.inserted + rows);
}

Status DecisionWriter::runPending()
{
    const int rows = static_cast<int>(m_pending.size());
    Status s = m_db.dialect().isMySql() ? runMySql(rows) : runQt(rows);
    countWritten();
    m_written.rows = std::move(m_pending);
    m_written.ranges = std::move(m_ranges);
    m_pending = {};
    m_ranges = {};
    if (!s)
        m_written = {};
    return s;
}

Status DecisionWriter::runMySql(int rows)
{
    if (m_loader) {
        auto loaded = m_loader->end(what(rows));
        if (!loaded)
            return loaded.error();
        if (*loaded) {
            noteIds(**loaded, 0, rows);
            return {};
        }
        m_loader.reset();  // refused once: INSERTs for the rest of the run
    }
    for (int start = 0; start < rows; start += m_rowsPerStatement) {
        if (Status s = insertMySql(start, std::min(m_rowsPerStatement, rows - start)); !s)
            return s;
    }
    return {};
}

Status DecisionWriter::insertMySql(int start, int rows)
{
    std::unique_ptr<MySqlStatement> partial;
    std::unique_ptr<MySqlStatement> &slot = rows == m_rowsPerStatement ? m_full : partial;
    if (!slot) {
        auto prepared = MySqlStatement::prepare(m_db, insertSql(rows).toUtf8(), what(rows));
        if (!prepared)
            return prepared.error();
        slot = std::move(*prepared);
    }
    MySqlStatement &statement = *slot;
    int p = 0;
    for (auto it = m_pending.cbegin() + start; it != m_pending.cbegin() + start + rows; ++it) {
        const StoredDecision &d = *it;
        statement.bindText(p++, d.agentId);
        statement.bindText(p++, d.taskType);
        statement.bindText(p++, d.decisionJson);
        statement.bindText(p++, d.confidence);
        statement.bindInt(p++, d.executionTimeMs);
        statement.bindText(p++, d.metadataJson);
        statement.bindText(p++, d.createdAt);
        if (d.feedback) {
            statement.bindText(p++, feedbackColumn(*d.feedback));
            statement.bindText(p++, accuracyColumn(*d.feedback));
        } else {
            statement.bindNull(p++);
            statement.bindNull(p++);
        }
    }
    auto first = statement.execute(what(rows));
    if (!first)
        return first.error();
    noteIds(*first, start, rows);  // MySQL reports the first id of a multi-row INSERT
    return {};
}

Status DecisionWriter::runQt(int rows)
{
    QSqlQuery partial(m_db.connection());
    QSqlQuery *q = &partial;
    if (rows == m_rowsPerStatement) {
        if (!m_fullQt) {
            m_fullQt.emplace(m_db.connection());
            if (!m_fullQt->prepare(insertSql(rows))) {
                const QSqlError e = m_fullQt->lastError();
                m_fullQt.reset();
                return sqlError(m_db, e, what(rows));
            }
        }
        q = &*m_fullQt;
    } else if (!partial.prepare(insertSql(rows))) {
        return sqlError(m_db, partial.lastError(), what(rows));
    }
    const QVariant null(QMetaType::fromType<QString>());
    for (const StoredDecision &d : m_pending) {
        q->addBindValue(QString::fromUtf8(d.agentId));
        q->addBindValue(QString::fromUtf8(d.taskType));
        q->addBindValue(QString::fromUtf8(d.decisionJson));
        q->addBindValue(QString::fromLatin1(d.confidence));
        q->addBindValue(d.executionTimeMs);
        q->addBindValue(QString::fromUtf8(d.metadataJson));
        q->addBindValue(QString::fromLatin1(d.createdAt));
        q->addBindValue(d.feedback ? QVariant(QString::fromLatin1(feedbackColumn(*d.feedback))) : null);
        q->addBindValue(d.feedback ? QVariant(QString::fromLatin1(accuracyColumn(*d.feedback))) : null);
    }
    if (!q->exec())
        return sqlError(m_db, q->lastError(), what(rows));
    const qint64 last = q->lastInsertId().toLongLong();  // SQLite reports the last id
    noteIds(last - rows + 1, 0, rows);
    return {};
}

void DecisionWriter::noteIds(qint64 first, int start, int rows)
{
    if (m_report.firstId == 0)
        m_report.firstId = first;
    m_report.lastId = first + rows - 1;
    m_report.inserted += rows;
    m_ranges.push_back({first, start, rows});
}

void DecisionWriter::countWritten()
{
    for (const IdRange &r : m_written.ranges) {
        for (int i = 0; i < r.rows; ++i)
            m_queueCounts->add(r.first + i, m_written.rows[static_cast<size_t>(r.start + i)]);
    }
    m_written = {};
}

std::vector<const QueuePriorityGuess *> DecisionWriter::queuePriorityGuesses() const
{
    return m_queueCounts ? m_queueCounts->guesses() : std::vector<const QueuePriorityGuess *>();
}

}  // namespace atalaya

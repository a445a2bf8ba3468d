#include "core/telemetry/DecisionWriter.h"

#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/DecisionLoader.h"

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

DecisionWriter::DecisionWriter(const Database &db, std::vector<std::unique_ptr<DecisionWriteObserver>> observers)
    : m_db(db), m_rowsPerStatement(db.dialect().isMySql() ? kMySqlRows : kSqliteRows), m_observers(std::move(observers))
{
}

DecisionWriter::~DecisionWriter()
{
    if (m_open)
        rollback();
    endObservers();
}

Status DecisionWriter::begin()
{
    m_report = {};
    m_pending.clear();
    m_loader.reset();
    if (m_db.dialect().isMySql()) {
        auto step = execQuery(m_db, QStringLiteral("SELECT @@session.auto_increment_increment"), {},
                              QStringLiteral("reading the id step"));
        if (!step)
            return step.error();
        if (step->next())
            m_report.idStep = std::max<qint64>(1, step->value(0).toLongLong());
        // LOAD DATA is a bulk insert: under a cluster's innodb_autoinc_lock_mode=2 its ids may
        // interleave with other sessions', so only INSERTs (whose ids follow the step) are used.
        if (m_report.idStep == 1)
            m_loader = std::make_unique<DecisionLoader>(m_db);
    }
    endObservers();
    for (const auto &o : m_observers)
        o->begin();
    m_observing = true;
    if (Status s = beginTransaction(m_db); !s) {
        endObservers();
        return s;
    }
    m_open = true;
    return {};
}

void DecisionWriter::endObservers()
{
    if (!m_observing)
        return;
    m_observing = false;
    for (const auto &o : m_observers)
        o->end();
}

DecisionWriter::Preparation DecisionWriter::preparation() const
{
    Preparation p;
    for (const auto &o : m_observers)
        p.m_preparers.push_back(o->preparer());
    return p;
}

void DecisionWriter::addPrepared(Preparation &&preparation)
{
    for (size_t i = 0; i < m_observers.size() && i < preparation.m_preparers.size(); ++i) {
        if (preparation.m_preparers[i])
            m_observers[i]->prepared(std::move(preparation.m_preparers[i]));
    }
}

Status DecisionWriter::write(std::vector<StoredDecision> &&rows, Prepared prepared)
{
    for (StoredDecision &row : rows) {
        if (prepared == Prepared::No) {
            for (const auto &o : m_observers)
                o->queued(row);
        }
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
    deliverWritten();
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
    // Memory work only: the last statement's rows go to the observers that want their ids on
    // another thread while the server takes the other observers' writes.
    auto delivering = std::async(std::launch::async, [this] { deliverWritten(); });
    Status observed;
    for (const auto &o : m_observers) {
        if (!o->usesIds() && observed)
            observed = o->commit();
    }
    delivering.wait();
    if (!observed)
        return observed.error();
    for (const auto &o : m_observers) {
        if (o->usesIds()) {
            if (Status s = o->commit(); !s)
                return s.error();
        }
    }
    m_open = false;
    if (Status s = commitTransaction(m_db); !s)
        return s.error();
    endObservers();
    return m_report;
}

void DecisionWriter::rollback()
{
    m_open = false;
    m_loader.reset();  // ends a statement still streaming; the rollback undoes it
    m_pending.clear();
    m_written = {};
    rollbackTransaction(m_db);
    endObservers();
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
    deliverWritten();
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
    m_report.lastId = first + (rows - 1) * m_report.idStep;
    m_report.inserted += rows;
    m_ranges.push_back({first, start, rows});
}

void DecisionWriter::deliverWritten()
{
    for (const auto &o : m_observers) {
        if (!o->usesIds())
            continue;
        for (const IdRange &r : m_written.ranges)
            o->written(r.first, m_report.idStep,
                       std::span(m_written.rows).subspan(static_cast<size_t>(r.start), static_cast<size_t>(r.rows)));
    }
    m_written = {};
}

}  // namespace atalaya

#include "queue/QueueCountsBatch.h"

#include "queue/QueueCountsSchema.h"
#include "queue/QueueCountsStore.h"
#include "queue/ReviewRulesSql.h"
#include "storage/Database.h"
#include "storage/MySqlStatement.h"
#include "storage/SqlUtil.h"
#include "telemetry/StoredDecision.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <tuple>

namespace atalaya::queuecounts {
namespace {

// 4 values a row at most; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;
// Read back as a range from this many consecutive ids; fewer go into IN lists.
constexpr qint64 kMinRange = 64;
constexpr size_t kIdsPerQuery = 1000;

struct CountRow {
    qint64 hour = 0;  // unused for the totals
    QByteArray agentId;
    qint64 prio = 0;
    qint64 n = 0;
};

Status upsert(const Database &db, const char *table, const QStringList &key, const std::vector<CountRow> &rows)
{
    const bool hours = key.first() == QLatin1String("hour_no");
    const QStringList columns = key + QStringList{QStringLiteral("n")};
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString add = db.dialect().upsertAdd(key, {QStringLiteral("n")});
    return executeRowBatches(
        db, rows.size(), kRowsPerUpsert,
        [&](size_t n) {
            return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                .arg(QLatin1String(table), columns.join(QStringLiteral(", ")),
                     QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), add)
                .toUtf8();
        },
        [&](MySqlStatement &statement, int p, size_t i) {
            const CountRow &r = rows[i];
            if (hours)
                statement.bindInt(p++, r.hour);
            statement.bindText(p++, r.agentId);
            statement.bindInt(p++, r.prio);
            statement.bindInt(p++, r.n);
        },
        QStringLiteral("updating the queue counts"));
}

} // namespace

QueueCountsBatch::QueueCountsBatch(const Database &db, bool triggersStandAside) : m_db(db)
{
    if (!triggersStandAside)
        return;
    auto rules = triggerRules(db);
    if (rules && *rules) {
        m_rules = **rules;
        m_guess.emplace(*m_rules);
    }
}

void QueueCountsBatch::add(qint64 id, const StoredDecision &row)
{
    if (!active() || row.feedback)
        return;  // reviewed rows are not pending
    if (row.queuePriority == QueuePriorityGuess::kUnknown || row.createdAtMs < 0 || !guess()) {
        addIds(id, id);
        return;
    }
    if (row.queuePriority != QueuePriorityGuess::kNone)
        ++m_counted[{row.createdAtMs / 3600000, row.agentId, m_guess->codeOf(row.queuePriority, id)}];
}

void QueueCountsBatch::addIds(qint64 first, qint64 last)
{
    if (!active())
        return;
    if (!m_ranges.empty() && m_ranges.back().second + 1 == first)
        m_ranges.back().second = last;
    else
        m_ranges.emplace_back(first, last);
}

Status QueueCountsBatch::flush()
{
    if (!active())
        return {};
    auto added = std::move(m_counted);
    m_counted.clear();
    if (Status s = readBack(added); !s)
        return s;
    if (added.empty())
        return {};
    std::vector<CountRow> hours;
    std::map<std::pair<QByteArray, qint64>, qint64> totals;
    for (const auto &[key, n] : added) {
        const auto &[hour, agent, prio] = key;
        hours.push_back({hour, agent, prio, n});
        totals[{agent, prio}] += n;
    }
    std::vector<CountRow> totalRows;
    for (const auto &[key, n] : totals)
        totalRows.push_back({0, key.first, key.second, n});
    if (Status s = upsert(m_db, kHourTable, {QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio")}, hours);
        !s)
        return s;
    return upsert(m_db, kTotalTable, {QStringLiteral("agent_id"), QStringLiteral("prio")}, totalRows);
}

Status QueueCountsBatch::readBack(Counts &added)
{
    if (m_ranges.empty())
        return {};
    // Long runs of ids (rows not worked out on the client) one range a query: an OR of many
    // ranges is checked row by row against every range. Scattered ids as IN lists.
    std::vector<std::pair<qint64, qint64>> ranges;
    std::vector<qint64> ids;
    for (const auto &[first, last] : m_ranges) {
        if (last - first + 1 >= kMinRange)
            ranges.emplace_back(first, last);
        else
            for (qint64 id = first; id <= last; ++id)
                ids.push_back(id);
    }
    m_ranges.clear();
    if (!ranges.empty()) {
        if (Status s = readBack(added, QStringLiteral("id BETWEEN ? AND ?"), ranges.size(), [&](QSqlQuery &q, int p, size_t i) {
                q.bindValue(p, ranges[i].first);
                q.bindValue(p + 1, ranges[i].second);
            });
            !s)
            return s;
    }
    for (size_t start = 0; start < ids.size(); start += kIdsPerQuery) {
        const size_t n = std::min(kIdsPerQuery, ids.size() - start);
        const QString in = QStringLiteral("id IN (") + QStringList(static_cast<qsizetype>(n), QStringLiteral("?")).join(QLatin1Char(','))
            + QLatin1Char(')');
        if (Status s = readBack(added, in, 1, [&](QSqlQuery &q, int p, size_t) {
                for (size_t k = 0; k < n; ++k)
                    q.bindValue(p++, ids[start + k]);
            });
            !s)
            return s;
    }
    return {};
}

Status QueueCountsBatch::readBack(Counts &added, const QString &idCondition, size_t runs,
                                  const std::function<void(QSqlQuery &, int, size_t)> &bindIds)
{
    const Dialect &d = m_db.dialect();
    const SqlFragment code = priorityExpression(*m_rules, d, SampleMode::Coded, {});
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString what = QStringLiteral("counting the new pending decisions");
    // Counted here, not by GROUP BY: with rows spread over months nearly every row has its own
    // hour, and the server's temporary table for the groups cost more than sending the rows.
    if (!q.prepare(QStringLiteral("SELECT h, a, c FROM (SELECT %1 AS h, %2 AS a, %3 AS c FROM ai_telemetry"
                                  " WHERE %4 AND human_feedback IS NULL) added WHERE c < 9")
                       .arg(d.hourNumberOf(QStringLiteral("created_at")), d.exactKey(QStringLiteral("agent_id")), code.sql, idCondition)))
        return sqlError(m_db, q.lastError(), what);
    for (size_t run = 0; run < runs; ++run) {
        int p = 0;
        for (const QVariant &v : code.values)
            q.bindValue(p++, v);
        bindIds(q, p, run);
        if (!q.exec())
            return sqlError(m_db, q.lastError(), what);
        while (q.next())
            ++added[{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong()}];
    }
    return {};
}

} // namespace atalaya::queuecounts

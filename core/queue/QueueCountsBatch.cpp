#include "queue/QueueCountsBatch.h"

#include "queue/QueueCountsSchema.h"
#include "queue/QueueCountsStore.h"
#include "queue/ReviewRulesSql.h"
#include "storage/Database.h"
#include "storage/MySqlStatement.h"
#include "storage/SqlUtil.h"

#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <tuple>

namespace atalaya::queuecounts {
namespace {

// 5 values a row at most; a statement holds at most 65 535.
constexpr size_t kRowsPerUpsert = 1000;

struct CountRow {
    QByteArray rulesId;
    qint64 hour = 0;  // unused for the totals
    QByteArray agentId;
    qint64 prio = 0;
    qint64 n = 0;
};

Status upsert(const Database &db, const char *table, const QStringList &key, const std::vector<CountRow> &rows)
{
    const bool hours = key.contains(QStringLiteral("hour_no"));
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
            statement.bindText(p++, r.rulesId);
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
    if (auto sets = triggerRuleSets(db))
        m_ruleSets = std::move(*sets);
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
    if (!active() || m_ranges.empty())
        return {};
    for (const ReviewRules &rules : m_ruleSets) {
        if (Status s = flushFor(rules); !s)
            return s;
    }
    m_ranges.clear();
    return {};
}

Status QueueCountsBatch::flushFor(const ReviewRules &rules) const
{
    const Dialect &d = m_db.dialect();
    const SqlFragment code = priorityExpression(rules, d, SampleMode::Coded, {});
    // One range a run: an OR of many ranges is checked row by row against every range.
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString what = QStringLiteral("counting the new pending decisions");
    // Counted here, not by GROUP BY: with rows spread over months nearly every row has its own
    // hour, and the server's temporary table for the groups cost more than sending the rows.
    if (!q.prepare(QStringLiteral("SELECT h, a, c FROM (SELECT %1 AS h, %2 AS a, %3 AS c FROM ai_telemetry"
                                  " WHERE id BETWEEN ? AND ? AND human_feedback IS NULL) added WHERE c < 9")
                       .arg(d.hourNumberOf(QStringLiteral("created_at")), d.exactKey(QStringLiteral("agent_id")), code.sql)))
        return sqlError(m_db, q.lastError(), what);
    std::map<std::tuple<qint64, QByteArray, qint64>, qint64> added;
    for (const auto &[first, last] : m_ranges) {
        int p = 0;
        for (const QVariant &v : code.values)
            q.bindValue(p++, v);
        q.bindValue(p++, first);
        q.bindValue(p++, last);
        if (!q.exec())
            return sqlError(m_db, q.lastError(), what);
        while (q.next())
            ++added[{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong()}];
    }
    q.finish();
    const QByteArray id = rulesId(rules).toLatin1();
    std::vector<CountRow> hours;
    std::map<std::pair<QByteArray, qint64>, qint64> totals;
    for (const auto &[key, n] : added) {
        const auto &[hour, agent, prio] = key;
        hours.push_back({id, hour, agent, prio, n});
        totals[{agent, prio}] += n;
    }
    std::vector<CountRow> totalRows;
    for (const auto &[key, n] : totals)
        totalRows.push_back({id, 0, key.first, key.second, n});
    if (Status s = upsert(m_db, kHourTable,
                          {QStringLiteral("rules_id"), QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio")},
                          hours);
        !s)
        return s;
    return upsert(m_db, kTotalTable, {QStringLiteral("rules_id"), QStringLiteral("agent_id"), QStringLiteral("prio")}, totalRows);
}

} // namespace atalaya::queuecounts

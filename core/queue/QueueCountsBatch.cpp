#include "queue/QueueCountsBatch.h"

#include "queue/QueueCountsSchema.h"
#include "queue/QueueCountsStore.h"
#include "queue/ReviewRulesSql.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

#include <map>
#include <tuple>

namespace atalaya::queuecounts {
namespace {

constexpr int kRowsPerUpsert = 200;

Status upsert(const Database &db, const char *table, const QStringList &columns, const QStringList &key,
              const std::vector<QVariantList> &rows)
{
    const QString tuple = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
        const size_t end = std::min(rows.size(), start + kRowsPerUpsert);
        QStringList tuples;
        QVariantList values;
        for (size_t i = start; i < end; ++i) {
            tuples << tuple;
            values << rows[i];
        }
        const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
                                .arg(QLatin1String(table), columns.join(QStringLiteral(", ")), tuples.join(QLatin1Char(',')),
                                     db.dialect().upsertAdd(key, {QStringLiteral("n")}));
        if (Status s = execStatement(db, sql, values, QStringLiteral("updating the queue counts")); !s)
            return s;
    }
    return {};
}

} // namespace

QueueCountsBatch::QueueCountsBatch(const Database &db, bool triggersStandAside) : m_db(db)
{
    if (!triggersStandAside)
        return;
    auto rules = triggerRules(db);
    if (rules && *rules)
        m_rules = **rules;
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
    const Dialect &d = m_db.dialect();
    const SqlFragment code = priorityExpression(*m_rules, d, SampleMode::Coded, {});
    QStringList ranges;
    QVariantList values = code.values;
    for (const auto &[first, last] : m_ranges) {
        ranges << QStringLiteral("id BETWEEN ? AND ?");
        values << first << last;
    }
    m_ranges.clear();
    auto q = execQuery(m_db,
                       QStringLiteral("SELECT h, a, c, COUNT(*) FROM (SELECT %1 AS h, %2 AS a, %3 AS c FROM ai_telemetry"
                                      " WHERE (%4) AND human_feedback IS NULL) added WHERE c < 9 GROUP BY h, a, c")
                           .arg(d.hourNumberOf(QStringLiteral("created_at")), d.exactKey(QStringLiteral("agent_id")), code.sql,
                                ranges.join(QStringLiteral(" OR "))),
                       values, QStringLiteral("counting the new pending decisions"));
    if (!q)
        return q.error();
    std::vector<QVariantList> hours;
    std::map<std::pair<QByteArray, int>, qint64> totals;
    while (q->next()) {
        const QByteArray agent = q->value(1).toByteArray();
        const int prio = q->value(2).toInt();
        const qint64 n = q->value(3).toLongLong();
        hours.push_back({q->value(0).toLongLong(), agent, prio, n});
        totals[{agent, prio}] += n;
    }
    q->finish();
    std::vector<QVariantList> totalRows;
    for (const auto &[key, n] : totals)
        totalRows.push_back({key.first, key.second, n});
    if (Status s = upsert(m_db, kHourTable, {QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio"), QStringLiteral("n")},
                          {QStringLiteral("hour_no"), QStringLiteral("agent_id"), QStringLiteral("prio")}, hours);
        !s)
        return s;
    return upsert(m_db, kTotalTable, {QStringLiteral("agent_id"), QStringLiteral("prio"), QStringLiteral("n")},
                  {QStringLiteral("agent_id"), QStringLiteral("prio")}, totalRows);
}

} // namespace atalaya::queuecounts

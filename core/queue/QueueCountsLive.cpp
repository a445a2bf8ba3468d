#include "core/queue/QueueCountsLive.h"

#include "core/queue/QueueCountsSchema.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace atalaya::queuecounts {
namespace {

// 5 values a row at most: within MySQL's and SQLite's limits of values a statement.
constexpr size_t kRowsPerUpsert = 1000;

struct CountRow {
    qint64 hour = 0;  // unused for the totals
    QByteArray agentId;
    qint64 code = 0;
    qint64 n = 0;
};

// Adds the rows' counts, in key order, one short statement at a time.
Status addCounts(const Database &db, const char *table, const QByteArray &id, const std::vector<CountRow> &rows,
                 bool hours)
{
    QStringList key{QStringLiteral("rules_id")};
    if (hours)
        key << QStringLiteral("hour_no");
    key << QStringLiteral("agent_id") << QStringLiteral("prio");
    const QStringList columns = key + QStringList{QStringLiteral("n")};
    const QString tuple =
        QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    const QString add = db.dialect().upsertAdd(key, {QStringLiteral("n")});
    auto sqlFor = [&](size_t n) {
        return QStringLiteral("INSERT INTO %1 (%2) VALUES %3%4")
            .arg(QLatin1String(table), columns.join(QStringLiteral(", ")),
                 QStringList(static_cast<qsizetype>(n), tuple).join(QLatin1Char(',')), add);
    };
    const QString what = QStringLiteral("adding the scanned rows to the queue counts");
    if (db.dialect().isMySql()) {
        return executeRowBatches(
            db, rows.size(), kRowsPerUpsert, [&](size_t n) { return sqlFor(n).toUtf8(); },
            [&](MySqlStatement &statement, int p, size_t i) {
                const CountRow &r = rows[i];
                statement.bindText(p++, id);
                if (hours)
                    statement.bindInt(p++, r.hour);
                statement.bindText(p++, r.agentId);
                statement.bindInt(p++, r.code);
                statement.bindInt(p++, r.n);
            },
            what);
    }
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
        const size_t n = std::min(kRowsPerUpsert, rows.size() - start);
        QVariantList values;
        for (size_t i = start; i < start + n; ++i) {
            const CountRow &r = rows[i];
            values << QString::fromLatin1(id);
            if (hours)
                values << r.hour;
            values << QString::fromUtf8(r.agentId) << r.code << r.n;
        }
        if (Status s = execStatement(db, sqlFor(n), values, what); !s)
            return s;
    }
    return {};
}

}  // namespace

LiveQueueCountsPart::LiveQueueCountsPart(const Database &db, const ReviewRules &rules, LiveScanPart part)
    : m_db(db), m_id(rulesId(rules).toLatin1()), m_part(std::move(part))
{
    const Dialect &d = db.dialect();
    const SqlFragment code = priorityExpression(rules, d, SampleMode::Coded, {});
    // MySQL: the hour from created_at in microseconds, a column the rollups' part reads too.
    const bool mysql = d.isMySql();
    m_part.columns << QStringLiteral("CASE WHEN human_feedback IS NULL THEN %1 ELSE 9 END").arg(code.sql)
                   << (mysql ? QLatin1String(kMicrosSinceEpochOfCreatedAt)
                             : d.hourNumberOf(QStringLiteral("created_at")))
                   << d.exactKey(QStringLiteral("agent_id"));
    m_part.values = code.values;
    m_part.add = [this, mysql](const ScanRow &row) {
        if (row.isNull(0))
            return;
        const qint64 code = row.integer(0);
        if (code >= 9)
            return;  // reviewed, or no rule queues it
        const qint64 hour = mysql ? slotOfMicros(row, 1, kMicrosPerHour) : row.integer(1);
        ++m_hours[slotKey(hour, m_agents.idOf(row.text(2)) * 16 + quint32(code))];
    };
    m_part.write = [this](const ProgressFn &) { return write(); };
}

Status LiveQueueCountsPart::write()
{
    std::vector<CountRow> hours, totals;
    hours.reserve(m_hours.size());
    for (const auto &[key, n] : m_hours) {
        const QByteArray &agent = m_agents.first(idOfKey(key) / 16);
        const qint64 code = idOfKey(key) % 16;
        hours.push_back({slotOfKey(key), agent, code, n});
        m_totals[{agent, code}] += n;
    }
    // In key order, as every writer takes their locks.
    std::sort(hours.begin(), hours.end(), [](const CountRow &a, const CountRow &b) {
        return std::tie(a.hour, a.agentId, a.code) < std::tie(b.hour, b.agentId, b.code);
    });
    for (const auto &[key, n] : m_totals)
        totals.push_back({0, key.first, key.second, n});
    m_hours.clear();
    m_totals.clear();
    if (Status s = addCounts(m_db, kHourTable, m_id, hours, true); !s)
        return s;
    return addCounts(m_db, kTotalTable, m_id, totals, false);
}

}  // namespace atalaya::queuecounts

#include "core/queue/QueueCountsStore.h"

#include "core/common/TimeUtil.h"
#include "core/queue/QueueCountsSchema.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <array>
#include <limits>

// Reading the counts a rule set keeps (docs/REVIEW_QUEUE.md §Counts): totals from the totals
// table, "not overdue yet" from the hour table, the SLA cutoff's own hour from the raw rows.
namespace atalaya::queuecounts {
namespace {

constexpr qint64 kMsPerHour = 3600000;
constexpr int kCodes = 2 * kPriorityCount;  // priority, + 4 outside the stable sample

qint64 hourOf(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return ms >= 0 ? ms / kMsPerHour : -((-ms + kMsPerHour - 1) / kMsPerHour);
}

QString table(const char *name)
{
    return QLatin1String(name);
}

// The codes a filter counts for priority p.
QString codesOf(int p, bool includeAllP3)
{
    return includeAllP3 ? QStringLiteral("(%1, %2)").arg(p).arg(p + kPriorityCount) : QStringLiteral("(%1)").arg(p);
}

struct Window {
    QString sql;
    QVariantList values;
};

// The agent condition on the counts tables (byte-exact keys) and on ai_telemetry.
Window agentOnTables(const QueueFilter &filter)
{
    if (filter.agentId.isEmpty())
        return {};
    return {QStringLiteral(" AND agent_id = ?"), {filter.agentId}};
}

Window agentOnRaw(const Database &db, const QueueFilter &filter)
{
    if (filter.agentId.isEmpty())
        return {};
    Window w{QStringLiteral(" AND ") + db.dialect().exactMatch(QStringLiteral("agent_id")), {}};
    for (int i = 0; i < db.dialect().exactMatchBindings(); ++i)
        w.values << filter.agentId;
    return w;
}

Result<std::array<qint64, kCodes>> sumByCode(const Database &db, const QString &sql, const QVariantList &values,
                                             const QString &what)
{
    auto q = execQuery(db, sql, values, what);
    if (!q)
        return q.error();
    std::array<qint64, kCodes> out{};
    while (q->next()) {
        const int code = q->value(0).toInt();
        if (code >= 0 && code < kCodes)
            out[static_cast<size_t>(code)] += q->value(1).toLongLong();
    }
    return out;
}

Result<QueueCounts> readInTransaction(const Database &db, const ReviewRules &rules, const QueueFilter &filter,
                                      const QDateTime &now)
{
    const Window agent = agentOnTables(filter);
    const Window tablesAgent{QStringLiteral(" AND rules_id = ?") + agent.sql,
                             QVariantList{rulesId(rules)} + agent.values};
    auto totals = sumByCode(db,
                            QStringLiteral("SELECT prio, SUM(n) FROM %1 WHERE 1 = 1%2 GROUP BY prio")
                                .arg(table(kTotalTable), tablesAgent.sql),
                            tablesAgent.values, QStringLiteral("reading the queue totals"));
    if (!totals)
        return totals.error();

    // Not overdue yet = created_at >= now − SLA: whole hours after the cutoff's hour from the
    // hour table, the cutoff's own hour from the raw rows.
    QStringList recentCases;
    QVariantList recentValues;
    QStringList edgeCases;
    QVariantList edgeCaseValues;
    QStringList edgeRanges;
    QVariantList edgeRangeValues;
    qint64 firstHour = std::numeric_limits<qint64>::max();
    for (int p = 0; p < kPriorityCount; ++p) {
        const int hours = rules.priority(static_cast<Priority>(p)).slaHours;
        if (hours <= 0)
            continue;
        const QDateTime cutoff = now.addSecs(-qint64(hours) * 3600);
        const qint64 hour = hourOf(cutoff);
        const QString edgeEnd = toDbDateTime(QDateTime::fromMSecsSinceEpoch((hour + 1) * kMsPerHour, Qt::UTC));
        firstHour = std::min(firstHour, hour);
        recentCases << QStringLiteral("(prio IN %1 AND hour_no > ?)").arg(codesOf(p, true));
        recentValues << hour;
        edgeCases << QStringLiteral("(p IN %1 AND created_at >= ? AND created_at < ?)").arg(codesOf(p, true));
        edgeCaseValues << toDbDateTime(cutoff) << edgeEnd;
        edgeRanges << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(db.dialect().utcTimeOf(QStringLiteral("created_at")));
        edgeRangeValues << toDbDateTime(cutoff) << edgeEnd;
    }
    std::array<qint64, kCodes> notOverdue{};
    if (!recentCases.isEmpty()) {
        QVariantList values = recentValues;
        values << firstHour << tablesAgent.values;
        auto recent = sumByCode(db,
                                QStringLiteral("SELECT prio, SUM(CASE WHEN %1 THEN n ELSE 0 END) FROM %2"
                                               " WHERE hour_no > ?%3 GROUP BY prio")
                                    .arg(recentCases.join(QStringLiteral(" OR ")), table(kHourTable), tablesAgent.sql),
                                values, QStringLiteral("reading the recent queue counts"));
        if (!recent)
            return recent.error();
        const SqlFragment code = priorityExpression(rules, db.dialect(), SampleMode::Coded, {});
        const Window rawAgent = agentOnRaw(db, filter);
        QVariantList edgeValues = edgeCaseValues;
        edgeValues << code.values << edgeRangeValues << rawAgent.values;
        auto edge = sumByCode(
            db,
            QStringLiteral("SELECT p, SUM(CASE WHEN %1 THEN 1 ELSE 0 END) FROM (SELECT %2 AS p, %3 AS created_at"
                           " FROM ai_telemetry WHERE human_feedback IS NULL AND (%4)%5) edge GROUP BY p")
                .arg(edgeCases.join(QStringLiteral(" OR ")), code.sql,
                     db.dialect().utcTimeOf(QStringLiteral("created_at")), edgeRanges.join(QStringLiteral(" OR ")),
                     rawAgent.sql),
            edgeValues, QStringLiteral("reading the queue's edge hours"));
        if (!edge)
            return edge.error();
        for (size_t c = 0; c < notOverdue.size(); ++c)
            notOverdue[c] = (*recent)[c] + (*edge)[c];
    }

    QueueCounts counts;
    for (int p = 0; p < kPriorityCount; ++p) {
        const bool hasSla = rules.priority(static_cast<Priority>(p)).slaHours > 0;
        for (int code : {p, p + kPriorityCount}) {
            if (code >= kPriorityCount && !filter.includeAllP3)
                continue;
            const qint64 total = (*totals)[static_cast<size_t>(code)];
            counts.total[static_cast<size_t>(p)] += total;
            if (hasSla)
                counts.overdue[static_cast<size_t>(p)] += total - notOverdue[static_cast<size_t>(code)];
        }
    }
    return counts;
}

}  // namespace

Result<std::optional<QueueCounts>> read(const Database &db, const ReviewRules &rules, const QueueFilter &filter,
                                        const QDateTime &now)
{
    auto installed = installedFor(db, rules);
    if (!installed || !*installed)
        return std::optional<QueueCounts>();
    auto counts = inTransaction(db, [&] { return readInTransaction(db, rules, filter, now); });
    if (!counts)
        return counts.error();
    return std::optional<QueueCounts>(*counts);
}

}  // namespace atalaya::queuecounts

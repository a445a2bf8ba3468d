#include "core/forecast/ForecastReads.h"

#include "core/common/TimeUtil.h"
#include "core/queue/QueueCountsSchema.h"
#include "core/queue/QueueCountsStore.h"
#include "core/queue/ReviewQueue.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <cmath>

namespace atalaya::forecast {
namespace {

constexpr qint64 kHistoryHours = qint64(kHistoryWeeks) * kHoursPerWeek;

// The hours [from, to) a history covers, counted per hour of the week (the averages' divisors).
WeekProfile occurrences(qint64 from, qint64 to)
{
    WeekProfile n{};
    for (qint64 h = from; h < to; ++h)
        n[static_cast<size_t>(hourOfWeek(h))] += 1.0;
    return n;
}

// The hour of the oldest decision with a time, or nullopt for an empty table.
Result<std::optional<qint64>> firstDecisionHour(const Database &db)
{
    const QString utc = db.dialect().utcTimeOf(QStringLiteral("created_at"));
    auto q = execQuery(db, QStringLiteral("SELECT MIN(%1) FROM ai_telemetry WHERE %1 IS NOT NULL").arg(utc), {},
                       QStringLiteral("reading the oldest decision's time"));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return std::optional<qint64>();
    const QDateTime t = fromDbDateTime(q->value(0));
    if (!t.isValid())
        return std::optional<qint64>();
    return std::optional<qint64>(hourNumber(t));
}

// How many decisions the window holds, from the ids (an estimate that costs two index probes:
// it only picks the sample stride).
Result<qint64> estimatedRows(const Database &db, const QDateTime &from)
{
    const QString utc = db.dialect().utcTimeOf(QStringLiteral("created_at"));
    auto first = execQuery(db, QStringLiteral("SELECT id FROM ai_telemetry WHERE %1 >= ? ORDER BY %1 LIMIT 1").arg(utc),
                           {toDbDateTime(from)}, QStringLiteral("reading the first decision of the forecast history"));
    if (!first)
        return first.error();
    if (!first->next())
        return qint64(0);
    const qint64 firstId = first->value(0).toLongLong();
    auto last = execQuery(db, QStringLiteral("SELECT MAX(id) FROM ai_telemetry"), {},
                          QStringLiteral("reading the newest decision id"));
    if (!last)
        return last.error();
    return last->next() ? std::max<qint64>(0, last->value(0).toLongLong() - firstId + 1) : 0;
}

// The queued decisions of [from, to) per priority and hour of the week (sums; readInputs
// averages them), and the first hour with any decision in scope (queued or not).
Status readArrivals(const Database &db, const ReviewRules &rules, qint64 from, qint64 to, qint64 exactRows,
                    ForecastInputs &in, qint64 &firstSeen)
{
    auto rows = estimatedRows(db, hourStart(from));
    if (!rows)
        return rows.error();
    in.arrivalsSampleStride = static_cast<int>(std::max<qint64>(1, (*rows + exactRows - 1) / exactRows));
    const Dialect &d = db.dialect();
    const SqlFragment code = priorityExpression(rules, d, SampleMode::SampleOnly, {});
    const QString utc = d.utcTimeOf(QStringLiteral("created_at"));
    // id % k is decided on the created_at index's entries (they carry the id), so only the
    // sampled rows are read and classified.
    const QString sample =
        in.arrivalsSampleStride > 1 ? QStringLiteral(" AND id % %1 = 0").arg(in.arrivalsSampleStride) : QString();
    const QString agent = in.agentId.isEmpty() ? QString() : QStringLiteral(" AND agent_id = ?");
    QVariantList values = code.values;
    values << toDbDateTime(hourStart(from)) << toDbDateTime(hourStart(to));
    if (!in.agentId.isEmpty())
        values << in.agentId;
    // Decisions no rule queues are counted too: they date the agent's first decision.
    auto q = execQuery(db,
                       QStringLiteral("SELECT h, p, COUNT(*) FROM (SELECT %1 AS h, %2 AS p FROM ai_telemetry"
                                      " WHERE %3 >= ? AND %3 < ?%4%5) arrivals GROUP BY h, p")
                           .arg(d.hourNumberOf(QStringLiteral("created_at")), code.sql, utc, sample, agent),
                       values, QStringLiteral("counting the decisions queued in the last four weeks"));
    if (!q)
        return q.error();
    while (q->next()) {
        const qint64 hour = q->value(0).toLongLong();
        const int p = q->value(1).toInt();
        if (hour < from || hour >= to)
            continue;
        firstSeen = std::min(firstSeen, hour);
        if (p < 0 || p >= kPriorityCount)
            continue;
        in.arrivals[static_cast<size_t>(p)][static_cast<size_t>(hourOfWeek(hour))] +=
            double(q->value(2).toLongLong()) * in.arrivalsSampleStride;
    }
    return {};
}

// How late the team was: per priority, the queued decisions of [from, to) whose deadline
// (created_at + SLA, to the second, as the queue's overdue) had passed by the start of the
// current hour, by their first verdict's time. A decision reviewed with no verdict in the
// audit log has no known review time and is left out; one still pending is late. Every
// agent's decisions count, with an agent in scope too: lateness is the team's habit, and one
// agent's deadlines are rarely enough evidence.
Status readLateness(const Database &db, const ReviewRules &rules, qint64 from, qint64 to, ForecastInputs &in)
{
    QStringList slas;
    for (int p = 0; p < kPriorityCount; ++p)
        if (const int sla = in.slaHours[static_cast<size_t>(p)]; sla > 0)
            slas << QStringLiteral("WHEN %1 THEN %2").arg(p).arg(qint64(sla) * 3600);
    if (slas.isEmpty())
        return {};
    const Dialect &d = db.dialect();
    const SqlFragment code = priorityExpression(rules, d, SampleMode::SampleOnly, {});
    const QString utc = d.utcTimeOf(QStringLiteral("created_at"));
    const QString sla = QStringLiteral("(CASE p %1 ELSE NULL END)").arg(slas.join(QLatin1Char(' ')));
    const QString sample =
        in.arrivalsSampleStride > 1 ? QStringLiteral(" AND id % %1 = 0").arg(in.arrivalsSampleStride) : QString();
    QVariantList values = code.values;
    values << toDbDateTime(hourStart(from)) << toDbDateTime(hourStart(to)) << to * 3600;
    auto q = execQuery(
        db,
        QStringLiteral(
            "SELECT p, SUM(CASE WHEN vs IS NULL AND hf IS NOT NULL THEN 0 ELSE 1 END),"
            " SUM(CASE WHEN (vs IS NULL AND hf IS NULL) OR vs > cs + %1 THEN 1 ELSE 0 END)"
            " FROM (SELECT %2 AS p, %3 AS cs, human_feedback AS hf,"
            " (SELECT MIN(%4) FROM atalaya_feedback_audit a WHERE a.telemetry_id = t.id AND a.new_value IS NOT NULL)"
            " AS vs FROM ai_telemetry t WHERE %5 >= ? AND %5 < ?%6) due"
            " WHERE %1 IS NOT NULL AND cs + %1 < ? GROUP BY p")
            .arg(sla, code.sql, d.epochSecondsOf(QStringLiteral("created_at")),
                 d.epochSecondsOf(QStringLiteral("a.created_at")), utc, sample),
        values, QStringLiteral("reading how late past reviews were"));
    if (!q)
        return q.error();
    while (q->next()) {
        const int p = q->value(0).toInt();
        if (p < 0 || p >= kPriorityCount)
            continue;
        in.dueSeen[static_cast<size_t>(p)] = q->value(1).toLongLong();
        in.lateSeen[static_cast<size_t>(p)] = q->value(2).toLongLong();
    }
    return {};
}

Status readTeam(const Database &db, qint64 from, qint64 to, WeekProfile &presence, ForecastInputs &in)
{
    const Dialect &d = db.dialect();
    const QString utc = d.utcTimeOf(QStringLiteral("created_at"));
    // A verdict is an audit row with a value; an undo (new_value NULL) is no review.
    auto q = execQuery(db,
                       QStringLiteral("SELECT reviewer, %1 AS h, COUNT(*) FROM atalaya_feedback_audit"
                                      " WHERE new_value IS NOT NULL AND %2 >= ? AND %2 < ? GROUP BY reviewer, h")
                           .arg(d.hourNumberOf(QStringLiteral("created_at")), utc),
                       {toDbDateTime(hourStart(from)), toDbDateTime(hourStart(to))},
                       QStringLiteral("reading the reviewers' verdicts of the last four weeks"));
    if (!q)
        return q.error();
    while (q->next()) {
        const qint64 hour = q->value(1).toLongLong();
        if (hour < from || hour >= to)
            continue;
        in.verdicts += q->value(2).toLongLong();
        in.activeReviewerHours += 1;
        presence[static_cast<size_t>(hourOfWeek(hour))] += 1.0;
    }
    return {};
}

// Pending decisions per (created hour, priority) since `from`: the queue counts table when it
// is kept for these rules, else the pending rows classified.
Result<std::vector<std::tuple<qint64, int, qint64>>> pendingByHour(const Database &db, const ReviewRules &rules,
                                                                   qint64 from, const QString &agentId)
{
    const QString agent = agentId.isEmpty() ? QString() : QStringLiteral(" AND agent_id = ?");
    auto installed = queuecounts::installedFor(db, rules);
    if (!installed)
        return installed.error();
    std::optional<QSqlQuery> q;
    if (*installed) {
        auto r = execQuery(db,
                           QStringLiteral("SELECT hour_no, prio, SUM(n) FROM %1 WHERE rules_id = ? AND hour_no >= ?"
                                          " AND prio < 4%2 GROUP BY hour_no, prio")
                               .arg(QLatin1String(queuecounts::kHourTable), agent),
                           agentId.isEmpty() ? QVariantList{queuecounts::rulesId(rules), from}
                                             : QVariantList{queuecounts::rulesId(rules), from, agentId},
                           QStringLiteral("reading the queue's pending hours"));
        if (!r)
            return r.error();
        q = std::move(*r);
    } else {
        const Dialect &d = db.dialect();
        const SqlFragment code = priorityExpression(rules, d, SampleMode::SampleOnly, {});
        QVariantList values = code.values;
        values << toDbDateTime(hourStart(from));
        if (!agentId.isEmpty())
            values << agentId;
        auto r =
            execQuery(db,
                      QStringLiteral("SELECT h, p, COUNT(*) FROM (SELECT %1 AS h, %2 AS p FROM ai_telemetry"
                                     " WHERE human_feedback IS NULL AND %3 >= ?%4) pending WHERE p < 4 GROUP BY h, p")
                          .arg(d.hourNumberOf(QStringLiteral("created_at")), code.sql,
                               d.utcTimeOf(QStringLiteral("created_at")), agent),
                      values, QStringLiteral("counting the pending decisions by hour"));
        if (!r)
            return r.error();
        q = std::move(*r);
    }
    std::vector<std::tuple<qint64, int, qint64>> out;
    while (q->next())
        out.emplace_back(q->value(0).toLongLong(), q->value(1).toInt(), q->value(2).toLongLong());
    std::sort(out.begin(), out.end());
    return out;
}

Status readBacklog(const std::shared_ptr<const Database> &db, const ReviewRules &rules, ForecastInputs &in)
{
    const ReviewQueue queue(db, rules);
    QueueFilter scope;
    scope.agentId = in.agentId;
    auto counts = queue.counts(scope, in.now);
    if (!counts)
        return counts.error();
    const qint64 first = hourNumber(in.now);
    int longest = 0;
    for (int sla : in.slaHours)
        longest = std::max(longest, sla);
    auto hours = pendingByHour(*db, rules, first - longest, in.agentId);
    if (!hours)
        return hours.error();
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto i = static_cast<size_t>(p);
        in.pendingNow[i] = counts->total[i];
        in.overdueNow[i] = counts->overdue[i];
        const int sla = in.slaHours[i];
        auto &cohorts = in.backlog[i];
        if (sla <= 0) {
            if (counts->total[i] > 0)
                cohorts.push_back({kNoDeadline, double(counts->total[i])});
        } else {
            qint64 dated = 0;
            std::vector<Cohort> recent;
            for (const auto &[hour, prio, n] : *hours) {
                if (prio != p || hour + sla < first || n <= 0)
                    continue;
                recent.push_back({hour + sla, double(n)});
                dated += n;
            }
            // The rest is older: its deadline has passed (first in line, earliest deadline).
            if (const qint64 late = counts->total[i] - dated; late > 0)
                cohorts.push_back({first - 1, double(late)});
            cohorts.insert(cohorts.end(), recent.begin(), recent.end());
        }
        QueueFilter oldest = scope;
        oldest.priority = static_cast<Priority>(p);
        oldest.limit = 1;
        auto items = queue.items(oldest);
        if (!items)
            return items.error();
        if (!items->empty())
            in.oldestPending[i] = items->front().createdAt;
    }
    return {};
}

}  // namespace

Result<ForecastInputs> readInputs(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                  const QDateTime &now, const QString &agentId, qint64 exactArrivalRows)
{
    ForecastInputs in;
    in.now = now.toUTC();
    in.agentId = agentId;
    for (int p = 0; p < kPriorityCount; ++p)
        in.slaHours[static_cast<size_t>(p)] = std::max(0, rules.priority(static_cast<Priority>(p)).slaHours);
    // Whole hours only: the current hour has not finished arriving.
    const qint64 to = hourNumber(in.now);
    qint64 from = to - kHistoryHours;
    auto oldest = firstDecisionHour(*db);
    if (!oldest)
        return oldest.error();
    if (*oldest)
        from = std::clamp(**oldest, from, to);
    const WeekProfile seen = occurrences(from, to);
    qint64 firstSeen = to;
    if (Status s = readArrivals(*db, rules, from, to, std::max<qint64>(1, exactArrivalRows), in, firstSeen); !s)
        return s.error();
    // One agent's arrivals are averaged from its own first decision: one that started last
    // week is not diluted over four.
    const WeekProfile arrivalsSeen = agentId.isEmpty() ? seen : occurrences(firstSeen, to);
    if (Status s = readLateness(*db, rules, from, to, in); !s)
        return s.error();
    WeekProfile presence{};
    if (Status s = readTeam(*db, from, to, presence, in); !s)
        return s.error();
    for (size_t h = 0; h < seen.size(); ++h) {
        if (arrivalsSeen[h] > 0.0)
            for (auto &profile : in.arrivals)
                profile[h] /= arrivalsSeen[h];
        if (seen[h] > 0.0)
            in.typicalReviewers[h] = presence[h] / seen[h];
    }
    if (Status s = readBacklog(db, rules, in); !s)
        return s.error();
    return in;
}

}  // namespace atalaya::forecast

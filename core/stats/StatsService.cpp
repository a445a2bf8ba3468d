#include "stats/StatsService.h"

#include "common/TimeUtil.h"
#include "stats/ConfidenceBuckets.h"
#include "stats/Percentiles.h"
#include "stats/StatsSql.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"
#include "telemetry/TelemetryRepository.h"

#include <cmath>
#include <map>

namespace atalaya {
namespace {

QString keyExpression(const Dialect &d, std::optional<GroupBy> by)
{
    if (!by)
        return QStringLiteral("''");
    switch (*by) {
    case GroupBy::Agent: return d.exactKey(QStringLiteral("agent_id"));
    case GroupBy::TaskType: return d.exactKey(QStringLiteral("task_type"));
    case GroupBy::Day: return QStringLiteral("DATE(created_at)");
    }
    return QStringLiteral("''");
}

QString keyString(const QVariant &v)
{
    if (v.typeId() == QMetaType::QDate)
        return v.toDate().toString(Qt::ISODate);
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(v.toByteArray());
    return v.toString();
}

qint64 asInt(const QVariant &v)
{
    return v.isNull() ? 0 : std::llround(v.toDouble());
}

Result<std::map<QString, WindowSummary>> summarize(const Database &db, const StatsQuery &q,
                                                   std::optional<GroupBy> by)
{
    const WhereClause w = windowWhere(db.dialect(), q);
    const QString key = keyExpression(db.dialect(), by);
    const QString where = w.sql + QStringLiteral(" AND ") + validRowPredicate(db.dialect());
    const QString aggregate = QStringLiteral(
        "SELECT %1, COUNT(*),"
        " SUM(CASE WHEN human_feedback IS NOT NULL THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN human_feedback IS NOT NULL THEN ROUND(accuracy * 10000) ELSE 0 END),"
        " SUM(CASE WHEN human_feedback = 'correct' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN human_feedback = 'incorrect' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN human_feedback = 'partially_correct' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN confidence_score < 0.5 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN confidence_score >= 0.5 AND confidence_score < 0.7 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN confidence_score >= 0.7 AND confidence_score < 0.85 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN confidence_score >= 0.85 AND confidence_score < 0.95 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN confidence_score >= 0.95 THEN 1 ELSE 0 END),"
        " SUM(ROUND(confidence_score * 10000)), SUM(execution_time_ms),"
        " MIN(execution_time_ms), MAX(execution_time_ms)"
        " FROM ai_telemetry%2 GROUP BY %1").arg(key, where);
    auto q1 = execQuery(db, aggregate, w.values, QStringLiteral("reading the window aggregates"));
    if (!q1)
        return q1.error();
    std::map<QString, WindowSummary> out;
    while (q1->next()) {
        WindowSummary s;
        const qint64 total = asInt(q1->value(1));
        if (total == 0)
            continue;
        s.accuracy.totalDecisions = total;
        s.accuracy.totalWithFeedback = asInt(q1->value(2));
        if (s.accuracy.totalWithFeedback > 0)
            s.accuracy.accuracyAvg = static_cast<double>(asInt(q1->value(3))) / 10000.0
                / static_cast<double>(s.accuracy.totalWithFeedback);
        s.accuracy.correct = asInt(q1->value(4));
        s.accuracy.incorrect = asInt(q1->value(5));
        s.accuracy.partiallyCorrect = asInt(q1->value(6));
        s.confidence.totalDecisions = total;
        for (int b = 0; b < 5; ++b)
            s.confidence.counts[static_cast<size_t>(b)] = asInt(q1->value(7 + b));
        s.avgConfidence = static_cast<double>(asInt(q1->value(12))) / 10000.0 / static_cast<double>(total);
        s.execution.avgMs = static_cast<double>(asInt(q1->value(13))) / static_cast<double>(total);
        s.execution.minMs = asInt(q1->value(14));
        s.execution.maxMs = asInt(q1->value(15));
        out.emplace(keyString(q1->value(0)), s);
    }

    const QString histogram = QStringLiteral("SELECT %1, execution_time_ms, COUNT(*) FROM ai_telemetry%2"
                                             " GROUP BY %1, execution_time_ms")
                                  .arg(key, where);
    auto q2 = execQuery(db, histogram, w.values, QStringLiteral("reading the execution times"));
    if (!q2)
        return q2.error();
    std::map<QString, ValueHistogram> histograms;
    while (q2->next())
        histograms[keyString(q2->value(0))].add(asInt(q2->value(1)), asInt(q2->value(2)));
    for (auto &[k, s] : out) {
        const ValueHistogram &h = histograms[k];
        s.execution.p50Ms = h.percentile(50);
        s.execution.p95Ms = h.percentile(95);
        s.execution.p99Ms = h.percentile(99);
    }
    return out;
}

} // namespace

StatsService::StatsService(std::shared_ptr<const Database> db) : m_db(std::move(db)) {}

Result<WindowSummary> StatsService::summary(const StatsQuery &query) const
{
    auto groups = summarize(*m_db, query, std::nullopt);
    if (!groups)
        return groups.error();
    if (groups->empty())
        return WindowSummary{};
    return groups->begin()->second;
}

Result<DataQuality> StatsService::dataQuality(const StatsQuery &query) const
{
    const WhereClause w = windowWhere(m_db->dialect(), query);
    const bool checkJson = !m_db->dialect().isMySql();
    const QString jsonInvalid = checkJson
        ? QStringLiteral("NOT (json_valid(decision_made) AND json_valid(metadata))")
        : QStringLiteral("1 = 0");
    const QString sql = QStringLiteral(
        "SELECT"
        " SUM(CASE WHEN confidence_score < 0 OR confidence_score > 1 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN execution_time_ms < 0 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN human_feedback IS NOT NULL AND human_feedback NOT IN"
        " ('correct', 'incorrect', 'partially_correct') THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN %1 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN %2 THEN 0 ELSE 1 END)"
        " FROM ai_telemetry%3").arg(jsonInvalid, validRowPredicate(m_db->dialect()), w.sql);
    auto q = execQuery(*m_db, sql, w.values, QStringLiteral("checking data quality"));
    if (!q)
        return q.error();
    DataQuality dq;
    if (q->next()) {
        dq.confidenceOutOfRange = asInt(q->value(0));
        dq.negativeExecutionTime = asInt(q->value(1));
        dq.unknownFeedback = asInt(q->value(2));
        dq.invalidJson = asInt(q->value(3));
        dq.excludedRows = asInt(q->value(4));
    }
    return dq;
}

Result<StatsSnapshot> StatsService::snapshot(const StatsQuery &query) const
{
    auto s = summary(query);
    if (!s)
        return s.error();
    auto dq = dataQuality(query);
    if (!dq)
        return dq.error();
    StatsSnapshot snap;
    snap.query = query;
    snap.summary = *s;
    snap.quality = *dq;
    return snap;
}

Result<std::vector<GroupSummary>> StatsService::grouped(const StatsQuery &query, GroupBy by) const
{
    auto groups = summarize(*m_db, query, by);
    if (!groups)
        return groups.error();
    std::vector<GroupSummary> out;
    if (by == GroupBy::Day) {
        const QDate first = query.from.toUTC().date();
        const QDate last = query.to.toUTC().addMSecs(-1).date();
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            const QString key = d.toString(Qt::ISODate);
            auto it = groups->find(key);
            out.push_back({key, it == groups->end() ? WindowSummary{} : it->second});
        }
        return out;
    }
    for (auto &[key, s] : *groups)
        out.push_back({key, s});
    return out;
}

Result<AgentDetail> StatsService::agent(const QString &agentId, const StatsQuery &query) const
{
    auto exists = TelemetryRepository(m_db).agentExists(agentId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("agent '%1' has no decisions; `atalaya-cli agents` lists "
                                        "the known agents")
                             .arg(agentId));
    const StatsQuery scoped = query.withAgent(agentId);
    auto s = summary(scoped);
    if (!s)
        return s.error();
    AgentDetail detail;
    detail.agentId = agentId;
    detail.summary = *s;
    auto byTask = summarize(*m_db, scoped, GroupBy::TaskType);
    if (!byTask)
        return byTask.error();
    for (const auto &[task, ts] : *byTask)
        detail.taskTypes.push_back({task, ts.accuracy.totalDecisions});
    std::stable_sort(detail.taskTypes.begin(), detail.taskTypes.end(),
                     [](const TaskTypeCount &a, const TaskTypeCount &b) { return a.count > b.count; });
    return detail;
}

Result<QStringList> StatsService::agentIds() const
{
    auto q = execQuery(*m_db, QStringLiteral("SELECT DISTINCT agent_id FROM ai_telemetry ORDER BY agent_id"),
                       {}, QStringLiteral("listing agents"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<QStringList> StatsService::taskTypes() const
{
    auto q = execQuery(*m_db, QStringLiteral("SELECT DISTINCT task_type FROM ai_telemetry ORDER BY task_type"),
                       {}, QStringLiteral("listing task types"));
    if (!q)
        return q.error();
    QStringList types;
    while (q->next())
        types << q->value(0).toString();
    return types;
}

} // namespace atalaya

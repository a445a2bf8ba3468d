#include "core/stats/RawAggregates.h"

#include "core/common/TimeUtil.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <cmath>

namespace atalaya {
namespace {

struct Where {
    QString sql;
    QVariantList values;
};

Where windowWhere(const Dialect &d, const std::vector<TimeRange> &ranges, const QString &agentId,
                  const QString &taskType)
{
    Where w;
    QStringList parts;
    const QString time = d.utcTimeOf(QStringLiteral("created_at"));
    for (const TimeRange &r : ranges) {
        parts << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(time);
        w.values << toDbDateTime(r.from) << toDbDateTime(r.to);
    }
    w.sql = QStringLiteral(" WHERE (") + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    // Byte-exact filters and keys, as the rest of the stats reads (Dialect::exactMatch).
    for (const auto &[column, value] :
         {std::pair{QStringLiteral("agent_id"), agentId}, std::pair{QStringLiteral("task_type"), taskType}}) {
        if (value.isEmpty())
            continue;
        w.sql += QStringLiteral(" AND ") + d.exactMatch(column);
        for (int i = 0; i < d.exactMatchBindings(); ++i)
            w.values << value;
    }
    return w;
}

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

}  // namespace

Result<std::map<QString, WindowTotals>> rawTotals(const Database &db, const std::vector<TimeRange> &ranges,
                                                  const QString &agentId, const QString &taskType,
                                                  std::optional<GroupBy> by, bool withQuality)
{
    std::map<QString, WindowTotals> out;
    if (ranges.empty())
        return out;
    const Where w = windowWhere(db.dialect(), ranges, agentId, taskType);
    const QString key = keyExpression(db.dialect(), by);
    const QString valid = rollup::validExpression(db.dialect(), QString());
    const QString where = w.sql + QStringLiteral(" AND ") + valid;
    const QString aggregate =
        QStringLiteral("SELECT %1, COUNT(*),"
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
                       " FROM ai_telemetry%2 GROUP BY %1")
            .arg(key, where);
    auto q1 = execQuery(db, aggregate, w.values, QStringLiteral("reading the window aggregates"));
    if (!q1)
        return q1.error();
    while (q1->next()) {
        const qint64 total = asInt(q1->value(1));
        if (total == 0)
            continue;
        WindowTotals &t = out[keyString(q1->value(0))];
        t.total = total;
        t.withFeedback = asInt(q1->value(2));
        t.accuracySum = asInt(q1->value(3));
        t.correct = asInt(q1->value(4));
        t.incorrect = asInt(q1->value(5));
        t.partiallyCorrect = asInt(q1->value(6));
        for (int b = 0; b < 5; ++b)
            t.buckets[static_cast<size_t>(b)] = asInt(q1->value(7 + b));
        t.confidenceSum = asInt(q1->value(12));
        t.executionSum = asInt(q1->value(13));
        t.executionMin = asInt(q1->value(14));
        t.executionMax = asInt(q1->value(15));
    }

    const QString histogram = QStringLiteral("SELECT %1, execution_time_ms, COUNT(*) FROM ai_telemetry%2"
                                             " GROUP BY %1, execution_time_ms")
                                  .arg(key, where);
    auto q2 = execQuery(db, histogram, w.values, QStringLiteral("reading the execution times"));
    if (!q2)
        return q2.error();
    while (q2->next())
        out[keyString(q2->value(0))].exact.add(asInt(q2->value(1)), asInt(q2->value(2)));

    if (!withQuality)
        return out;
    const bool checkJson = !db.dialect().isMySql();
    const QString jsonInvalid = checkJson ? QStringLiteral("NOT (json_valid(decision_made) AND json_valid(metadata))")
                                          : QStringLiteral("1 = 0");
    const QString quality =
        QStringLiteral("SELECT %1,"
                       " SUM(CASE WHEN confidence_score < 0 OR confidence_score > 1 THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN execution_time_ms < 0 THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN human_feedback IS NOT NULL AND human_feedback NOT IN"
                       " ('correct', 'incorrect', 'partially_correct') THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN %2 THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN %3 THEN 0 ELSE 1 END)"
                       " FROM ai_telemetry%4 GROUP BY %1")
            .arg(key, jsonInvalid, valid, w.sql);
    auto q3 = execQuery(db, quality, w.values, QStringLiteral("checking data quality"));
    if (!q3)
        return q3.error();
    while (q3->next()) {
        DataQuality &dq = out[keyString(q3->value(0))].quality;
        dq.confidenceOutOfRange = asInt(q3->value(1));
        dq.negativeExecutionTime = asInt(q3->value(2));
        dq.unknownFeedback = asInt(q3->value(3));
        dq.invalidJson = asInt(q3->value(4));
        dq.excludedRows = asInt(q3->value(5));
    }
    return out;
}

Result<qint64> countRowsWithoutTime(const Database &db, const QString &agentId, const QString &taskType)
{
    const Dialect &d = db.dialect();
    QString sql = QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE ")
        + d.noTimePredicate(QStringLiteral("created_at"));
    QVariantList values;
    for (const auto &[column, value] :
         {std::pair{QStringLiteral("agent_id"), agentId}, std::pair{QStringLiteral("task_type"), taskType}}) {
        if (value.isEmpty())
            continue;
        sql += QStringLiteral(" AND ") + d.exactMatch(column);
        for (int i = 0; i < d.exactMatchBindings(); ++i)
            values << value;
    }
    auto q = execQuery(db, sql, values, QStringLiteral("counting rows whose created_at is not a time"));
    if (!q)
        return q.error();
    return q->next() ? asInt(q->value(0)) : 0;
}

Status addRawCells(const Database &db, const std::vector<TimeRange> &ranges, const QString &agentId,
                   const QString &taskType, CalibrationGrid &grid)
{
    if (ranges.empty())
        return {};
    const Where w = windowWhere(db.dialect(), ranges, agentId, taskType);
    const QString sql = QStringLiteral("SELECT ROUND(confidence_score * 10000), SUM(ROUND(accuracy * 10000)), COUNT(*)"
                                       " FROM ai_telemetry%1 AND %2 GROUP BY 1")
                            .arg(w.sql, rollup::reviewedExpression(db.dialect(), QString()));
    auto q = execQuery(db, sql, w.values, QStringLiteral("reading reviewed confidences"));
    if (!q)
        return q.error();
    while (q->next())
        grid.add(ReviewedCell{static_cast<int>(asInt(q->value(0))), asInt(q->value(1)), asInt(q->value(2))});
    return {};
}

}  // namespace atalaya

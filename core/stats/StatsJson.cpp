#include "core/stats/StatsJson.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/stats/ConfidenceBuckets.h"

namespace atalaya {
namespace {

QJsonValue intOrNull(const std::optional<qint64> &v)
{
    return jsonOrNull(v);
}

QJsonValue filterValue(const QString &v)
{
    return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QJsonObject windowJson(const StatsQuery &q)
{
    return {{QStringLiteral("from"), toIsoUtc(q.from)}, {QStringLiteral("to"), toIsoUtc(q.to)}};
}

// The per-row figures of `agents` and `trends`.
QJsonObject rowFigures(const WindowSummary &s)
{
    return {
        {QStringLiteral("decisions"), s.accuracy.totalDecisions},
        {QStringLiteral("feedback_count"), s.accuracy.totalWithFeedback},
        {QStringLiteral("feedback_rate"), roundedOrNull(s.accuracy.feedbackRatePercent(), 2)},
        {QStringLiteral("accuracy_avg"), roundedOrNull(s.accuracy.accuracyAvg, 4)},
        {QStringLiteral("avg_confidence"), roundedOrNull(s.avgConfidence, 4)},
        {QStringLiteral("avg_execution_time_ms"), roundedOrNull(s.execution.avgMs, 1)},
        {QStringLiteral("p50_execution_time_ms"), intOrNull(s.execution.p50Ms)},
        {QStringLiteral("p95_execution_time_ms"), intOrNull(s.execution.p95Ms)},
        {QStringLiteral("p99_execution_time_ms"), intOrNull(s.execution.p99Ms)},
    };
}

}  // namespace

QJsonObject accuracyJson(const AccuracySummary &a)
{
    return {
        {QStringLiteral("total_decisions"), a.totalDecisions},
        {QStringLiteral("total_with_feedback"), a.totalWithFeedback},
        {QStringLiteral("accuracy_avg"), roundedOrNull(a.accuracyAvg, 4)},
        {QStringLiteral("correct_count"), a.correct},
        {QStringLiteral("incorrect_count"), a.incorrect},
        {QStringLiteral("partially_correct_count"), a.partiallyCorrect},
    };
}

QJsonObject confidenceDistributionJson(const ConfidenceDistribution &c)
{
    QJsonObject distribution;
    for (int b = 0; b < 5; ++b) {
        distribution.insert(confidenceBucketKey(b),
                            QJsonObject{{QStringLiteral("count"), c.counts[static_cast<size_t>(b)]},
                                        {QStringLiteral("percentage"), roundTo(c.percentage(b), 2)}});
    }
    return {{QStringLiteral("total_decisions"), c.totalDecisions}, {QStringLiteral("distribution"), distribution}};
}

QJsonObject executionTimeJson(const ExecutionTimeStats &e)
{
    return {
        {QStringLiteral("avg_execution_time_ms"), roundedOrNull(e.avgMs, 1)},
        {QStringLiteral("min_execution_time_ms"), intOrNull(e.minMs)},
        {QStringLiteral("max_execution_time_ms"), intOrNull(e.maxMs)},
        {QStringLiteral("p50_execution_time_ms"), intOrNull(e.p50Ms)},
        {QStringLiteral("p95_execution_time_ms"), intOrNull(e.p95Ms)},
        {QStringLiteral("p99_execution_time_ms"), intOrNull(e.p99Ms)},
    };
}

QJsonObject dataQualityJson(const DataQuality &dq)
{
    return {
        {QStringLiteral("excluded_rows"), dq.excludedRows},
        {QStringLiteral("confidence_out_of_range"), dq.confidenceOutOfRange},
        {QStringLiteral("negative_execution_time"), dq.negativeExecutionTime},
        {QStringLiteral("unknown_feedback"), dq.unknownFeedback},
        {QStringLiteral("invalid_json"), dq.invalidJson},
        {QStringLiteral("invalid_created_at"), dq.invalidCreatedAt},
    };
}

QJsonObject statsJson(const StatsSnapshot &s)
{
    return {
        {QStringLiteral("period_days"), s.query.periodDays},
        {QStringLiteral("window"), windowJson(s.query)},
        {QStringLiteral("accuracy"), accuracyJson(s.summary.accuracy)},
        {QStringLiteral("confidence_distribution"), confidenceDistributionJson(s.summary.confidence)},
        {QStringLiteral("execution_time"), executionTimeJson(s.summary.execution)},
        {QStringLiteral("feedback_rate"), roundedOrNull(s.summary.accuracy.feedbackRatePercent(), 2)},
        {QStringLiteral("avg_confidence"), roundedOrNull(s.summary.avgConfidence, 4)},
        {QStringLiteral("percentile_method"), s.percentileMethod},
        {QStringLiteral("data_quality"), dataQualityJson(s.quality)},
    };
}

QJsonObject agentJson(const AgentDetail &a, const StatsQuery &q)
{
    QJsonArray tasks;
    for (const TaskTypeCount &t : a.taskTypes)
        tasks.append(QJsonObject{{QStringLiteral("task_type"), t.taskType}, {QStringLiteral("count"), t.count}});
    return {
        {QStringLiteral("agent_id"), a.agentId},
        {QStringLiteral("period_days"), q.periodDays},
        {QStringLiteral("total_decisions"), a.summary.accuracy.totalDecisions},
        {QStringLiteral("avg_confidence"), roundedOrNull(a.summary.avgConfidence, 4)},
        {QStringLiteral("avg_execution_time_ms"), roundedOrNull(a.summary.execution.avgMs, 1)},
        {QStringLiteral("task_types"), tasks},
        {QStringLiteral("accuracy_metrics"), accuracyJson(a.summary.accuracy)},
        {QStringLiteral("execution_time"), executionTimeJson(a.summary.execution)},
    };
}

QJsonObject accuracyReportJson(const WindowSummary &s, const StatsQuery &q)
{
    return {
        {QStringLiteral("period_days"), q.periodDays},
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("agent_id"), filterValue(q.agentId)},
                     {QStringLiteral("task_type"), filterValue(q.taskType)}}},
        {QStringLiteral("accuracy"), accuracyJson(s.accuracy)},
        {QStringLiteral("confidence_distribution"), confidenceDistributionJson(s.confidence)},
    };
}

QJsonObject agentsJson(const std::vector<GroupSummary> &agents, const StatsQuery &q)
{
    QJsonArray rows;
    for (const GroupSummary &g : agents) {
        QJsonObject row = rowFigures(g.summary);
        row.insert(QStringLiteral("agent_id"), g.key);
        rows.append(row);
    }
    return {{QStringLiteral("period_days"), q.periodDays}, {QStringLiteral("agents"), rows}};
}

QJsonObject trendsJson(const std::vector<GroupSummary> &days, const StatsQuery &q)
{
    QJsonArray rows;
    for (const GroupSummary &g : days) {
        QJsonObject row = rowFigures(g.summary);
        row.insert(QStringLiteral("day"), g.key);
        rows.append(row);
    }
    return {
        {QStringLiteral("period_days"), q.periodDays},
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("agent_id"), filterValue(q.agentId)},
                     {QStringLiteral("task_type"), filterValue(q.taskType)}}},
        {QStringLiteral("days"), rows},
    };
}

}  // namespace atalaya

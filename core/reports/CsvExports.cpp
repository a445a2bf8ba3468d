#include "core/reports/CsvExports.h"

#include "core/common/TimeUtil.h"
#include "core/reports/CsvWriter.h"
#include "core/stats/StatsService.h"
#include "core/stats/StatsSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {
namespace {

QString number(const std::optional<double> &v, int decimals)
{
    return v ? QString::number(*v, 'f', decimals) : QString();
}

template <typename T> QString integer(const std::optional<T> &v)
{
    return v ? QString::number(*v) : QString();
}

QStringList groupCells(const GroupSummary &g)
{
    const WindowSummary &s = g.summary;
    return {g.key,
            QString::number(s.accuracy.totalDecisions),
            QString::number(s.accuracy.totalWithFeedback),
            number(s.accuracy.feedbackRatePercent(), 2),
            number(s.accuracy.accuracyAvg, 4),
            number(s.avgConfidence, 4),
            number(s.execution.avgMs, 1),
            integer(s.execution.p50Ms),
            integer(s.execution.p95Ms),
            integer(s.execution.p99Ms)};
}

Result<CsvExport> groupsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query, GroupBy by,
                            const QString &keyName)
{
    auto rows = StatsService(db).grouped(query, by);
    if (!rows)
        return rows.error();
    CsvWriter csv({keyName, QStringLiteral("decisions"), QStringLiteral("feedback_count"),
                   QStringLiteral("feedback_rate"), QStringLiteral("accuracy_avg"), QStringLiteral("avg_confidence"),
                   QStringLiteral("avg_execution_time_ms"), QStringLiteral("p50_execution_time_ms"),
                   QStringLiteral("p95_execution_time_ms"), QStringLiteral("p99_execution_time_ms")});
    for (const GroupSummary &g : *rows)
        csv.addRow(groupCells(g));
    return CsvExport{csv.data(), csv.rowCount()};
}

}  // namespace

Result<CsvExport> exportDecisionsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    const WhereClause w = windowWhere(db->dialect(), query);
    const QString sql =
        QStringLiteral(
            "SELECT id, agent_id, task_type, confidence_score, human_feedback, accuracy, execution_time_ms, created_at"
            " FROM ai_telemetry%1 ORDER BY created_at, id")
            .arg(w.sql);
    auto q = execQuery(*db, sql, w.values, QStringLiteral("reading decisions for the export"));
    if (!q)
        return q.error();
    CsvWriter csv({QStringLiteral("id"), QStringLiteral("agent_id"), QStringLiteral("task_type"),
                   QStringLiteral("confidence_score"), QStringLiteral("human_feedback"), QStringLiteral("accuracy"),
                   QStringLiteral("execution_time_ms"), QStringLiteral("created_at")});
    while (q->next()) {
        csv.addRow({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    QString::number(q->value(3).toDouble(), 'f', 4), q->value(4).toString(),
                    q->value(5).isNull() ? QString() : QString::number(q->value(5).toDouble(), 'f', 4),
                    q->value(6).toString(), toIsoUtc(fromDbDateTime(q->value(7)))});
    }
    return CsvExport{csv.data(), csv.rowCount()};
}

Result<CsvExport> exportAgentsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    return groupsCsv(db, query, GroupBy::Agent, QStringLiteral("agent_id"));
}

Result<CsvExport> exportTrendsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    return groupsCsv(db, query, GroupBy::Day, QStringLiteral("day"));
}

Result<CsvExport> exportQueueCsv(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                 const QueueFilter &filter)
{
    auto items = ReviewQueue(db, rules).items(filter);
    if (!items)
        return items.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CsvWriter csv({QStringLiteral("id"), QStringLiteral("priority"), QStringLiteral("reason"),
                   QStringLiteral("agent_id"), QStringLiteral("task_type"), QStringLiteral("confidence_score"),
                   QStringLiteral("execution_time_ms"), QStringLiteral("created_at"), QStringLiteral("due_at"),
                   QStringLiteral("overdue")});
    for (const QueueItem &it : *items) {
        csv.addRow({QString::number(it.id), priorityName(it.priority), it.reason, it.agentId, it.taskType,
                    QString::number(it.confidence, 'f', 4), QString::number(it.executionTimeMs), toIsoUtc(it.createdAt),
                    it.dueAt.isValid() ? toIsoUtc(it.dueAt) : QString(),
                    it.overdueAt(now) ? QStringLiteral("true") : QStringLiteral("false")});
    }
    return CsvExport{csv.data(), csv.rowCount()};
}

}  // namespace atalaya

#include "core/queue/QueueJson.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"

#include <QJsonArray>

namespace atalaya {

QJsonObject queueItemJson(const QueueItem &item, const QDateTime &now)
{
    return {{QStringLiteral("id"), item.id},
            {QStringLiteral("agent_id"), item.agentId},
            {QStringLiteral("task_type"), item.taskType},
            {QStringLiteral("confidence_score"), roundTo(item.confidence, 4)},
            {QStringLiteral("execution_time_ms"), item.executionTimeMs},
            {QStringLiteral("created_at"), toIsoUtc(item.createdAt)},
            {QStringLiteral("priority"), priorityName(item.priority)},
            {QStringLiteral("reason"), item.reason},
            {QStringLiteral("due_at"), item.dueAt.isValid() ? QJsonValue(toIsoUtc(item.dueAt)) : QJsonValue()},
            {QStringLiteral("overdue"), item.overdueAt(now)}};
}

QJsonObject queueJson(const QueueSnapshot &s)
{
    QJsonObject counts;
    QJsonObject overdue;
    for (int i = 0; i < kPriorityCount; ++i) {
        const QString name = priorityName(static_cast<Priority>(i));
        counts.insert(name, s.counts.total[static_cast<size_t>(i)]);
        overdue.insert(name, s.counts.overdue[static_cast<size_t>(i)]);
    }
    QJsonArray items;
    for (const QueueItem &item : s.items)
        items.append(queueItemJson(item, s.generatedAt));
    return {{QStringLiteral("generated_at"), toIsoUtc(s.generatedAt)},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("overdue"), overdue},
            {QStringLiteral("items"), items}};
}

QJsonObject doubleReviewJson(const QString &view, const std::vector<QueueItem> &items, const DoubleReviewCounts &counts,
                             const QDateTime &now)
{
    QJsonObject perPriority;
    for (int i = 0; i < kPriorityCount; ++i)
        perPriority.insert(priorityName(static_cast<Priority>(i)), counts.total[static_cast<size_t>(i)]);
    QJsonArray out;
    for (const QueueItem &item : items) {
        QJsonObject o = queueItemJson(item, now);
        if (view == QLatin1String("adjudication")) {
            QJsonArray reviews;
            for (const ReviewRow &r : item.reviews)
                reviews.append(
                    QJsonObject{{QStringLiteral("role"), reviewRoleToString(r.role)},
                                {QStringLiteral("reviewer"), r.reviewer},
                                {QStringLiteral("verdict"), r.verdict},
                                {QStringLiteral("note"), r.note.isEmpty() ? QJsonValue() : QJsonValue(r.note)},
                                {QStringLiteral("created_at"),
                                 r.createdAt.isValid() ? QJsonValue(toIsoUtc(r.createdAt)) : QJsonValue()}});
            o.insert(QStringLiteral("reviews"), reviews);
        }
        out.append(o);
    }
    return {{QStringLiteral("generated_at"), toIsoUtc(now)},
            {QStringLiteral("view"), view},
            {QStringLiteral("counts"), perPriority},
            {QStringLiteral("for_others"), counts.forOthers},
            {QStringLiteral("items"), out}};
}

}  // namespace atalaya

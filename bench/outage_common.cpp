#include "bench/outage_common.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/queue/ReviewQueue.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QDateTime>

#include <algorithm>
#include <vector>

namespace atalaya::bench {

Result<BatchReport> seedDecisions(const std::shared_ptr<const Database> &db, const QString &agentId, int count)
{
    std::vector<DecisionInput> rows(static_cast<size_t>(count));
    for (DecisionInput &d : rows) {
        d.agentId = agentId;
        d.taskType = QStringLiteral("chat_response");
        d.confidence = 0.5;
        d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
        d.executionTimeMs = 10;
    }
    return DecisionRecorder(db).recordBatch(rows);
}

QString readRound(const std::shared_ptr<const Database> &db)
{
    const ReviewQueue queue(db, ReviewRules::defaults());
    if (auto items = queue.items({}); !items)
        return items.error().message;
    if (auto counts = queue.counts({}, QDateTime::currentDateTimeUtc()); !counts)
        return counts.error().message;
    const StatsService stats(db);
    if (auto agents = stats.agentIds(); !agents)
        return agents.error().message;
    if (auto tasks = stats.taskTypes(); !tasks)
        return tasks.error().message;
    return {};
}

std::pair<int, int> lostAndDuplicated(const Database &db, const std::map<qint64, Feedback> &given)
{
    int lost = 0, duplicated = 0;
    for (const auto &[id, value] : given) {
        auto q = execQuery(db,
                           QStringLiteral("SELECT t.human_feedback, (SELECT COUNT(*) FROM atalaya_feedback_audit a"
                                          " WHERE a.telemetry_id = t.id) FROM ai_telemetry t WHERE t.id = ?"),
                           {id}, QStringLiteral("checking a verdict"));
        if (!q || !q->next()) {
            ++lost;
            continue;
        }
        if (q->value(0).toString() != feedbackToString(value) || q->value(1).toInt() == 0)
            ++lost;
        duplicated += std::max(0, q->value(1).toInt() - 1);
    }
    return {lost, duplicated};
}

}  // namespace atalaya::bench

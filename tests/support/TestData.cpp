#include "TestData.h"

namespace atalaya::test {

DecisionInput makeDecision(const QString &agent, const QString &task, double confidence, qint64 ms,
                           std::optional<Feedback> feedback, const QDateTime &at)
{
    DecisionInput d;
    d.agentId = agent;
    d.taskType = task;
    d.decision = {{QStringLiteral("action"), QStringLiteral("approve")}};
    d.confidence = confidence;
    d.executionTimeMs = ms;
    d.feedback = feedback;
    d.createdAt = at;
    return d;
}

} // namespace atalaya::test

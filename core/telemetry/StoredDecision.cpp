#include "core/telemetry/StoredDecision.h"

#include "core/common/TimeUtil.h"

#include <QJsonDocument>

#include <cmath>

namespace atalaya {

const QByteArray &feedbackColumn(Feedback f)
{
    static const QByteArray texts[] = {feedbackToString(Feedback::Correct).toLatin1(),
                                       feedbackToString(Feedback::Incorrect).toLatin1(),
                                       feedbackToString(Feedback::PartiallyCorrect).toLatin1()};
    return texts[f == Feedback::Correct ? 0 : f == Feedback::Incorrect ? 1 : 2];
}

const QByteArray &accuracyColumn(Feedback f)
{
    static const QByteArray texts[] = {QByteArray::number(accuracyFor(Feedback::Correct), 'f', 4),
                                       QByteArray::number(accuracyFor(Feedback::Incorrect), 'f', 4),
                                       QByteArray::number(accuracyFor(Feedback::PartiallyCorrect), 'f', 4)};
    return texts[f == Feedback::Correct ? 0 : f == Feedback::Incorrect ? 1 : 2];
}

StoredDecision toStored(const DecisionInput &d, const QDateTime &now)
{
    StoredDecision s;
    s.agentId = d.agentId.toUtf8();
    s.taskType = d.taskType.toUtf8();
    s.decisionJson = QJsonDocument(d.decision).toJson(QJsonDocument::Compact);
    s.metadataJson = QJsonDocument(d.metadata).toJson(QJsonDocument::Compact);
    s.confidence = QByteArray::number(d.confidence, 'f', 4);
    s.confidenceE4 = std::llround(s.confidence.toDouble() * 10000);
    s.executionTimeMs = d.executionTimeMs;
    s.createdAtMs = (d.createdAt.isValid() ? d.createdAt : now).toMSecsSinceEpoch();
    s.createdAt = toDbDateTimeBytes(s.createdAtMs);
    s.feedback = d.feedback;
    return s;
}

}  // namespace atalaya

#include "core/telemetry/DecisionValidator.h"

#include "core/common/TextLimits.h"
#include "core/common/TimeUtil.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace atalaya {
namespace {

Error fieldError(const QString &field, const QString &problem)
{
    return makeError(ErrorCode::Usage, QStringLiteral("field '%1' %2").arg(field, problem));
}

Result<QString> requiredString(const QJsonObject &body, const QString &field, int maxLength)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        return fieldError(field, QStringLiteral("is required (a string of 1 to %1 characters)").arg(maxLength));
    if (!v.isString())
        return fieldError(field, QStringLiteral("must be a string of 1 to %1 characters").arg(maxLength));
    const QString s = v.toString();
    if (s.trimmed().isEmpty())
        return fieldError(field, QStringLiteral("must not be empty (1 to %1 characters)").arg(maxLength));
    if (!isValidText(s))
        return fieldError(field,
                          QStringLiteral("is not valid Unicode text (it holds a lone surrogate such as "
                                         "\\ud800); send the text as UTF-8"));
    const qsizetype characters = characterCount(s);
    if (characters > maxLength)
        return fieldError(field,
                          QStringLiteral("has %1 characters; at most %2 are allowed").arg(characters).arg(maxLength));
    return s;
}

}  // namespace

Result<DecisionInput> validateDecision(const QJsonObject &body)
{
    DecisionInput in;
    auto agent = requiredString(body, QStringLiteral("agent_id"), 100);
    if (!agent)
        return agent.error();
    in.agentId = *agent;
    auto task = requiredString(body, QStringLiteral("task_type"), 50);
    if (!task)
        return task.error();
    in.taskType = *task;

    const QJsonValue decision = body.value(QStringLiteral("decision"));
    if (decision.isUndefined() || decision.isNull())
        return fieldError(QStringLiteral("decision"), QStringLiteral("is required (a JSON object)"));
    if (!decision.isObject())
        return fieldError(QStringLiteral("decision"), QStringLiteral("must be a JSON object"));
    in.decision = decision.toObject();

    const QJsonValue confidence = body.value(QStringLiteral("confidence"));
    if (confidence.isUndefined() || confidence.isNull())
        return fieldError(QStringLiteral("confidence"), QStringLiteral("is required (a number from 0.0 to 1.0)"));
    if (!confidence.isDouble() || !std::isfinite(confidence.toDouble()))
        return fieldError(QStringLiteral("confidence"), QStringLiteral("must be a number from 0.0 to 1.0"));
    in.confidence = confidence.toDouble();
    if (in.confidence < 0.0 || in.confidence > 1.0)
        return fieldError(QStringLiteral("confidence"),
                          QStringLiteral("is %1; allowed range is 0.0 to 1.0").arg(in.confidence));

    const QJsonValue time = body.value(QStringLiteral("execution_time_ms"));
    if (time.isUndefined() || time.isNull())
        return fieldError(QStringLiteral("execution_time_ms"),
                          QStringLiteral("is required (an integer from 0 to 2147483647)"));
    const double t = time.toDouble(-1.0);
    if (!time.isDouble() || t != std::floor(t) || t < 0 || t > 2147483647.0)
        return fieldError(QStringLiteral("execution_time_ms"),
                          QStringLiteral("must be an integer from 0 to 2147483647"));
    in.executionTimeMs = static_cast<qint64>(t);

    const QJsonValue metadata = body.value(QStringLiteral("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject())
            return fieldError(QStringLiteral("metadata"), QStringLiteral("must be a JSON object"));
        in.metadata = metadata.toObject();
    }

    const QJsonValue created = body.value(QStringLiteral("created_at"));
    if (!created.isUndefined() && !created.isNull()) {
        const QDateTime dt = created.isString() ? parseIsoUtc(created.toString()) : QDateTime();
        if (!dt.isValid())
            return fieldError(QStringLiteral("created_at"),
                              QStringLiteral("must be an ISO 8601 time such as "
                                             "2025-11-07T10:30:00Z"));
        // A decision is recorded when it is made: a time decades away is a writer's bug
        // (an epoch of 0, a year typed as 9999), and every figure and rollup rebuild would
        // span it. The day of slack covers clocks that run ahead.
        const QDateTime earliest = earliestCreatedAt();
        const QDateTime latest = QDateTime::currentDateTimeUtc().addDays(1);
        if (dt < earliest || dt > latest)
            return fieldError(QStringLiteral("created_at"),
                              QStringLiteral("is %1, outside the accepted range %2 to %3 (now + 1 day); "
                                             "send the time the decision was made, in UTC")
                                  .arg(toIsoUtc(dt), toIsoUtc(earliest), toIsoUtc(latest)));
        in.createdAt = dt;
    }
    return in;
}

QDateTime earliestCreatedAt()
{
    return QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
}

Result<DecisionInput> validateDecisionJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("invalid JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return makeError(ErrorCode::Usage, QStringLiteral("the body must be a JSON object"));
    return validateDecision(doc.object());
}

}  // namespace atalaya

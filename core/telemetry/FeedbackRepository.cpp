#include "core/telemetry/FeedbackRepository.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/settings/LoginName.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"
#include "core/telemetry/ReviewRows.h"

#include <QSysInfo>

namespace atalaya {

FeedbackRepository::FeedbackRepository(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<FeedbackResult> FeedbackRepository::record(const FeedbackRequest &r) const
{
    return write({r.telemetryId, r.value, r.reviewer, r.note, r.expectedPrevious, r.clientKey, r.role, false});
}

Result<FeedbackResult> FeedbackRepository::restore(const FeedbackRestore &r) const
{
    return write({r.telemetryId, r.value, r.reviewer, r.note, r.expectedPrevious, r.clientKey, r.role, true});
}

Result<FeedbackResult> FeedbackRepository::write(Write w) const
{
    const qint64 id = w.id;
    const std::optional<Feedback> &value = w.value;
    QString &reviewer = w.reviewer;
    const QString &note = w.note;
    const std::optional<QString> &expectedPrevious = w.expectedPrevious;
    const QString &clientKey = w.clientKey;
    if (reviewer.trimmed().isEmpty())
        reviewer = osLoginName();
    if (Status valid = validateReviewText(reviewer, note); !valid)
        return valid.error();
    const Database &db = *m_db;
    auto result = inTransaction(db, [&]() -> Result<FeedbackResult> {
        if (!clientKey.isEmpty()) {
            auto seen =
                execQuery(db, QStringLiteral("SELECT telemetry_id FROM atalaya_feedback_keys WHERE client_key = ?"),
                          {clientKey}, QStringLiteral("looking up feedback key %1").arg(clientKey));
            if (!seen)
                return seen.error();
            if (seen->next()) {
                FeedbackResult done;
                done.id = id;
                done.role = w.role;
                done.alreadyApplied = true;
                if (value) {
                    done.humanFeedback = feedbackToString(*value);
                    done.accuracy = accuracyFor(*value);
                }
                return done;
            }
        }
        auto current = execQuery(
            db, QStringLiteral("SELECT human_feedback FROM ai_telemetry WHERE id = ?") + db.dialect().forUpdate(), {id},
            QStringLiteral("reading decision %1").arg(id));
        if (!current)
            return current.error();
        if (!current->next())
            return makeError(ErrorCode::NotFound, QStringLiteral("telemetry id %1 does not exist").arg(id));
        FeedbackResult out;
        out.id = id;
        out.role = w.role;
        out.previous = current->value(0).toString();
        current->finish();
        if (expectedPrevious && *expectedPrevious != out.previous) {
            auto last = execQuery(db,
                                  QStringLiteral("SELECT reviewer, created_at FROM atalaya_feedback_audit"
                                                 " WHERE telemetry_id = ? ORDER BY id DESC LIMIT 1"),
                                  {id}, QStringLiteral("reading the audit of %1").arg(id));
            QString who = QStringLiteral("another system");
            QString when;
            if (last && last->next()) {
                who = last->value(0).toString();
                when = toIsoUtc(fromDbDateTime(last->value(1)));
            }
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("decision %1 was reviewed meanwhile by %2%3 as '%4'")
                                 .arg(id)
                                 .arg(who, when.isEmpty() ? QString() : QStringLiteral(" at ") + when,
                                      out.previous.isEmpty() ? QStringLiteral("pending") : out.previous));
        }
        // The row lock above serialises every Atalaya write of this decision, so the reviews
        // read here are the ones the new review is checked against.
        auto state = reviews::readState(db, id, out.previous);
        if (!state)
            return state.error();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::optional<Feedback> finalValue = value;
        if (w.restore) {
            if (Status s = reviews::removeLatest(db, id, w.role, reviewer); !s)
                return s.error();
        } else {
            if (Status s = reviews::checkRole(*state, w.role, reviewer, id); !s)
                return s.error();
            if (w.role == ReviewRole::Second) {
                if (state->first->id == 0) {
                    ReviewRow external = *state->first;
                    external.createdAt = now;
                    if (Status s = reviews::insert(db, external); !s)
                        return s.error();
                }
            }
            if (Status s = reviews::insert(db, {0, id, reviewer, feedbackToString(*value), note, w.role, now}); !s)
                return s.error();
        }
        // A second review never writes human_feedback: it keeps the first verdict, agreed or
        // until an adjudication decides.
        const bool keepsVerdict = w.role == ReviewRole::Second;
        QVariant feedbackValue(QMetaType::fromType<QString>());
        QVariant accuracyValue(QMetaType::fromType<QString>());
        if (keepsVerdict) {
            out.humanFeedback = out.previous;
            finalValue = feedbackFromString(out.previous);
            out.accuracy = finalValue ? std::optional(accuracyFor(*finalValue)) : std::nullopt;
            feedbackValue = out.previous;
        } else if (finalValue) {
            out.humanFeedback = feedbackToString(*finalValue);
            out.accuracy = accuracyFor(*finalValue);
            feedbackValue = out.humanFeedback;
            accuracyValue = QString::number(*out.accuracy, 'f', 4);
        }
        if (!keepsVerdict) {
            if (Status s = execStatement(
                    db, QStringLiteral("UPDATE ai_telemetry SET human_feedback = ?, accuracy = ? WHERE id = ?"),
                    {feedbackValue, accuracyValue, id}, QStringLiteral("writing feedback for %1").arg(id));
                !s)
                return s.error();
        }
        QVariant previousValue(QMetaType::fromType<QString>());
        if (!out.previous.isEmpty())
            previousValue = out.previous;
        QVariant noteValue(QMetaType::fromType<QString>());
        if (!note.isEmpty())
            noteValue = note;
        if (Status s = auditchain::lockChain(db); !s)
            return s.error();
        if (Status s = execStatement(db,
                                     QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value,"
                                                    " new_value, reviewer, note, client_host, created_at)"
                                                    " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                     {id, previousValue, feedbackValue, reviewer, noteValue,
                                      QSysInfo::machineHostName().left(255), toDbDateTime(now)},
                                     QStringLiteral("writing the audit row for %1").arg(id));
            !s)
            return s.error();
        if (auto linked = auditchain::chainNewRows(db); !linked)
            return linked.error();
        if (!clientKey.isEmpty()) {
            if (Status s = execStatement(db,
                                         QStringLiteral("INSERT INTO atalaya_feedback_keys (client_key, telemetry_id,"
                                                        " created_at) VALUES (?, ?, ?)"),
                                         {clientKey.left(64), id, toDbDateTime(QDateTime::currentDateTimeUtc())},
                                         QStringLiteral("storing feedback key for %1").arg(id));
                !s)
                return s.error();
        }
        return out;
    });
    if (result)
        logEvent(lcTelemetry(), QtInfoMsg, QStringLiteral("feedback recorded"),
                 {{QStringLiteral("telemetry_id"), id},
                  {QStringLiteral("role"), reviewRoleToString(w.role)},
                  {QStringLiteral("feedback"), result->humanFeedback},
                  {QStringLiteral("previous"), result->previous}});
    return result;
}

Result<std::vector<AuditEntry>> FeedbackRepository::history(qint64 telemetryId) const
{
    auto q = execQuery(*m_db,
                       QStringLiteral("SELECT id, telemetry_id, previous_value, new_value, reviewer,"
                                      " note, client_host, created_at FROM atalaya_feedback_audit"
                                      " WHERE telemetry_id = ? ORDER BY id"),
                       {telemetryId}, QStringLiteral("reading the feedback history"));
    if (!q)
        return q.error();
    std::vector<AuditEntry> entries;
    while (q->next()) {
        AuditEntry e;
        e.id = q->value(0).toLongLong();
        e.telemetryId = q->value(1).toLongLong();
        e.previousValue = q->value(2).toString();
        e.newValue = q->value(3).toString();
        e.reviewer = q->value(4).toString();
        e.note = q->value(5).toString();
        e.clientHost = q->value(6).toString();
        e.createdAt = fromDbDateTime(q->value(7));
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace atalaya

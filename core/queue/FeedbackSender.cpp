#include "core/queue/FeedbackSender.h"

#include "core/storage/Database.h"
#include "core/storage/LockErrors.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {

FeedbackSender::FeedbackSender(std::shared_ptr<const Database> db, std::shared_ptr<FeedbackOutbox> outbox)
    : m_db(db), m_outbox(std::move(outbox)), m_repo(std::move(db))
{
}

int FeedbackSender::outboxSize() const
{
    if (!m_outbox)
        return 0;
    auto n = m_outbox->size();
    return n ? *n : 0;
}

OutboxFlush FeedbackSender::retry(bool force)
{
    if (!m_outbox)
        return {};
    return m_outbox->flush(*m_db, m_repo, force);
}

SendOutcome FeedbackSender::send(OutboxEntry entry)
{
    SendOutcome out;
    if (entry.key.isEmpty())
        entry.key = FeedbackOutbox::newKey();
    out.key = entry.key;
    auto queue = [&](const QString &why) {
        if (!m_outbox) {
            out.kind = SendOutcome::Kind::Failed;
            out.message = why;
            return;
        }
        entry.lastError = why;
        auto stored = m_outbox->enqueue(entry);
        if (!stored) {
            out.kind = SendOutcome::Kind::Failed;
            out.message = why + QStringLiteral("; the outbox failed too: ") + stored.error().message;
            return;
        }
        out.kind = SendOutcome::Kind::Queued;
        out.message = why;
    };

    if (outboxSize() > 0) {
        queue(QStringLiteral("waiting behind earlier feedback in the outbox"));
        if (out.kind == SendOutcome::Kind::Queued) {
            // Not forced: while the database is out, a key press must not wait for another
            // failed attempt (a lock wait, a connect timeout) before it is safe in the outbox.
            const OutboxFlush flushed = retry(false);
            for (const auto &[e, message] : flushed.conflicts) {
                if (e.key == entry.key) {
                    out.kind = SendOutcome::Kind::Conflict;
                    out.message = message;
                }
            }
        }
        out.outboxSize = outboxSize();
        return out;
    }

    Result<FeedbackResult> written = entry.restore
        ? m_repo.restore(
            {entry.telemetryId, entry.value, entry.reviewer, entry.note, entry.expectedPrevious, entry.key, entry.role})
        : m_repo.record({entry.telemetryId, entry.value.value_or(Feedback::Correct), entry.reviewer, entry.note,
                         entry.expectedPrevious, entry.key, entry.role});
    if (written) {
        out.kind = SendOutcome::Kind::Written;
        out.result = *written;
    } else if (written.error().code == ErrorCode::Conflict) {
        out.kind = SendOutcome::Kind::Conflict;
        out.message = written.error().message;
    } else if (written.error().code == ErrorCode::Unavailable || written.error().code == ErrorCode::Internal) {
        // Internal covers a connection the driver reports without a code; the outbox
        // retries, and a write that did commit is recognised by its key.
        queue(written.error().message);
        // A new connection that works (the server is back, or the connection moved to another
        // node of a cluster) takes the verdict now, not at the next retry. Not after a lock wait
        // or a refused privilege: the same wait or refusal would come again at once.
        const bool worthRetrying = !isLockTimeout(written.error()) && !isPermissionDenied(written.error());
        if (m_db->reconnect() && worthRetrying && out.kind == SendOutcome::Kind::Queued) {
            const OutboxFlush flushed = m_outbox->flush(*m_db, m_repo, true);
            for (const auto &[e, message] : flushed.conflicts) {
                out.kind = SendOutcome::Kind::Conflict;
                out.message = message;
            }
            for (const auto &[e, message] : flushed.rejected) {
                out.kind = SendOutcome::Kind::Failed;
                out.message = message;
            }
        }
    } else {
        out.kind = SendOutcome::Kind::Failed;
        out.message = written.error().message;
    }
    out.outboxSize = outboxSize();
    return out;
}

}  // namespace atalaya

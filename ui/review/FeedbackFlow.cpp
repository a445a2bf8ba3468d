#include "ui/review/FeedbackFlow.h"

#include "ui/common/AsyncRun.h"
#include "core/storage/Database.h"
#include "core/telemetry/TelemetryRepository.h"

#include <QTimer>

namespace atalaya {

FeedbackFlow::FeedbackFlow(std::shared_ptr<const Database> db, QObject *parent) : QObject(parent), m_db(std::move(db))
{
    // One writer thread keeps writes (and their undos) in click order, on one connection.
    m_writer.setMaxThreadCount(1);
    m_writer.setExpiryTimeout(-1);
    m_retry = new QTimer(this);
    m_retry->setInterval(1000);
    connect(m_retry, &QTimer::timeout, this, &FeedbackFlow::retryOutbox);
}

FeedbackFlow::~FeedbackFlow()
{
    m_writer.waitForDone();
}

QString FeedbackFlow::open()
{
    if (m_sender || !m_db)
        return {};
    std::shared_ptr<FeedbackOutbox> outbox;
    QString problem;
    auto opened = FeedbackOutbox::open(FeedbackOutbox::defaultPath(m_db->url().toString()));
    if (opened)
        outbox = std::move(*opened);
    else
        problem = tr("No local outbox: %1").arg(opened.error().message);
    m_sender = std::make_shared<FeedbackSender>(m_db, outbox);
    setOutboxSize(m_sender->outboxSize());
    if (m_outboxSize > 0)
        m_retry->start();
    return problem;
}

void FeedbackFlow::setConflictResolver(std::function<bool(const QString &)> resolver)
{
    m_resolveConflict = std::move(resolver);
}

void FeedbackFlow::record(const QueueItem &item, Feedback value, const QString &reviewer, const QString &note)
{
    m_decided.insert(item.id);
    m_decidedRole.insert(item.id, item.role);
    m_undo.push_back({item, feedbackToString(value), true});
    OutboxEntry entry;
    entry.telemetryId = item.id;
    entry.value = value;
    entry.role = item.role;
    // A first review expects a pending decision; a second or an adjudication is checked
    // against the reviews themselves (FeedbackRepository).
    if (item.role == ReviewRole::First)
        entry.expectedPrevious = QString();
    entry.reviewer = reviewer;
    entry.note = note;
    submit(entry);
}

std::optional<QueueItem> FeedbackFlow::undo(const QString &reviewer, const QString &note)
{
    if (m_undo.empty())
        return std::nullopt;
    const Undo undo = m_undo.back();
    m_undo.pop_back();
    m_decided.remove(undo.item.id);
    m_decidedRole.remove(undo.item.id);
    if (!undo.applied) {
        emit message(tr("#%1 is back in the queue.").arg(undo.item.id));
        return undo.item;
    }
    OutboxEntry entry;
    entry.telemetryId = undo.item.id;
    entry.restore = true;
    entry.role = undo.item.role;
    if (undo.item.role == ReviewRole::Adjudication) {
        // Back to the first verdict, which human_feedback holds while a disagreement waits.
        for (const ReviewRow &r : undo.item.reviews) {
            if (r.role == ReviewRole::First)
                entry.value = feedbackFromString(r.verdict);
        }
    }
    if (undo.item.role != ReviewRole::Second)
        entry.expectedPrevious = undo.written;
    entry.reviewer = reviewer;
    entry.note = note;
    submit(entry);
    return undo.item;
}

std::function<QSet<qint64>()> FeedbackFlow::uncountedReader() const
{
    return [decidedHere = m_decided, sender = m_sender] {
        QSet<qint64> decided = decidedHere;
        if (!sender || !sender->outbox())
            return decided;
        if (auto waiting = sender->outbox()->entries()) {
            for (const OutboxEntry &e : *waiting) {
                if (e.restore)
                    decided.remove(e.telemetryId);
                else
                    decided.insert(e.telemetryId);
            }
        }
        return decided;
    };
}

void FeedbackFlow::submit(OutboxEntry entry)
{
    if (!m_sender)
        return;
    auto sender = m_sender;
    runAsync<SendOutcome>(
        this, &m_writer, [sender, entry] { return sender->send(entry); },
        [this, entry](const SendOutcome &outcome) { settle(outcome, entry); });
}

void FeedbackFlow::markNotApplied(qint64 id)
{
    for (Undo &u : m_undo) {
        if (u.item.id == id)
            u.applied = false;
    }
}

void FeedbackFlow::settle(const SendOutcome &outcome, const OutboxEntry &entry)
{
    const qint64 id = entry.telemetryId;
    const QString verdict =
        entry.restore ? tr("pending again") : feedbackToString(entry.value.value_or(Feedback::Correct));
    switch (outcome.kind) {
    case SendOutcome::Kind::Written:
        emit message(tr("Saved #%1: %2").arg(id).arg(verdict));
        emit databaseChanged();
        break;
    case SendOutcome::Kind::Queued:
        if (outcome.outboxSize == 0) {
            emit message(tr("Saved #%1: %2 (on a new connection)").arg(id).arg(verdict));
            emit databaseChanged();
            break;
        }
        emit message(tr("#%1 kept in the outbox: %2").arg(id).arg(outcome.message));
        m_retry->start();
        break;
    case SendOutcome::Kind::Conflict:
        // Only a first review can overwrite: a second review or an adjudication someone else
        // gave meanwhile stands.
        if (entry.role == ReviewRole::First && m_resolveConflict && m_resolveConflict(outcome.message)) {
            // Overwrite what is there now: expected becomes the value read just before the write.
            auto sender = m_sender;
            auto db = m_db;
            runAsync<SendOutcome>(
                this, &m_writer,
                [sender, db, entry = OutboxEntry(entry)]() mutable {
                    auto row = TelemetryRepository(db).find(entry.telemetryId);
                    entry.expectedPrevious = row ? row->humanFeedback : QString();
                    entry.key.clear();
                    return sender->send(entry);
                },
                [this, entry](const SendOutcome &again) { settle(again, entry); });
            return;
        }
        markNotApplied(id);
        emit message(tr("#%1 kept the other review: %2").arg(id).arg(outcome.message));
        emit databaseChanged();
        break;
    case SendOutcome::Kind::Failed:
        emit message(tr("#%1 was not saved: %2").arg(id).arg(outcome.message));
        markNotApplied(id);
        // Not saved: the next reload shows it again instead of hiding it.
        if (!entry.restore) {
            m_decided.remove(id);
            m_decidedRole.remove(id);
            emit refused(id, outcome.message, entry.note);
        }
        break;
    }
    setOutboxSize(outcome.outboxSize);
    emit settled(id);
}

void FeedbackFlow::retryOutbox()
{
    flushOutbox(false);
}

void FeedbackFlow::deliverNow()
{
    flushOutbox(true);
}

void FeedbackFlow::flushOutbox(bool force)
{
    if (!m_sender || m_outboxSize == 0) {
        m_retry->stop();
        return;
    }
    if (m_flushing && !force)
        return;
    m_flushing = true;
    auto sender = m_sender;
    runAsync<OutboxFlush>(
        this, &m_writer, [sender, force] { return sender->retry(force); },
        [this](const OutboxFlush &flushed) {
            m_flushing = false;
            setOutboxSize(flushed.remaining);
            // Reviewed by someone else while waiting: the reviewer decides, one by one, as for a
            // direct write (settle asks and re-sends).
            for (const auto &[entry, message] : flushed.conflicts) {
                SendOutcome conflict;
                conflict.kind = SendOutcome::Kind::Conflict;
                conflict.message = message;
                conflict.outboxSize = flushed.remaining;
                settle(conflict, entry);
            }
            for (const auto &[entry, reason] : flushed.rejected) {
                emit message(tr("#%1 was not saved: %2").arg(entry.telemetryId).arg(reason));
                if (!entry.restore)
                    emit refused(entry.telemetryId, reason, entry.note);
            }
            if (flushed.delivered + flushed.duplicates > 0)
                emit databaseChanged();
            if (flushed.remaining == 0)
                m_retry->stop();
        });
}

void FeedbackFlow::setOutboxSize(int size)
{
    if (size == m_outboxSize)
        return;
    m_outboxSize = size;
    emit outboxSizeChanged(size);
}

void FeedbackFlow::waitForWrites()
{
    m_writer.waitForDone();
    QCoreApplication::sendPostedEvents();
}

}  // namespace atalaya

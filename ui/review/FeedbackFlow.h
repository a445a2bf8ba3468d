#pragma once

#include "core/queue/FeedbackSender.h"
#include "core/queue/ReviewQueue.h"

#include <QObject>
#include <QHash>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace atalaya {

// What happens to a verdict after the key press (docs/REVIEW_QUEUE.md): it is written on a single
// writer thread (so an undo follows its write, on one connection), kept in the local outbox
// when the database cannot take it and retried with backoff, and a review made meanwhile by
// someone else is put to the reviewer before anything is overwritten. The page only moves rows.
class FeedbackFlow : public QObject {
    Q_OBJECT
public:
    FeedbackFlow(std::shared_ptr<const Database> db, QObject *parent = nullptr);
    ~FeedbackFlow() override;

    // Opens the outbox beside the settings and starts retrying what it holds; an empty string
    // when it opened, else why not (verdicts are then written directly or fail).
    QString open();
    bool isOpen() const { return m_sender != nullptr; }

    // Decides whether to overwrite a review made meanwhile (the message says who and what).
    void setConflictResolver(std::function<bool(const QString &message)> resolver);

    void record(const QueueItem &item, Feedback value, const QString &reviewer, const QString &note);
    // Takes back the last verdict of this session; the item to show again, or nullopt.
    std::optional<QueueItem> undo(const QString &reviewer, const QString &note);

    // Decided here and hidden from reloads until undone (written, waiting or being written).
    const QSet<qint64> &decided() const { return m_decided; }
    // Decided here in that role: a second review given here hides the item from the
    // Second-review view only, not from Adjudication.
    bool isDecided(qint64 id, ReviewRole role) const
    {
        return m_decided.contains(id) && m_decidedRole.value(id, ReviewRole::First) == role;
    }
    // For a worker thread: the decisions whose pending row in the database must not be
    // counted, i.e. decided here or waiting in the outbox (of this or an earlier session),
    // less those an undo brings back. Reads the outbox when called.
    std::function<QSet<qint64>()> uncountedReader() const;
    int outboxSize() const { return m_outboxSize; }
    // Tries what is due; deliverNow() everything at once, ignoring the backoff (the connection
    // just came back).
    void retryOutbox();
    void deliverNow();
    // Waits for the writer thread (tests, quitting).
    void waitForWrites();

signals:
    void message(const QString &text);
    // Something reached the database: the counts may have changed.
    void databaseChanged();
    void outboxSizeChanged(int size);
    // A write finished (written, queued, kept the other review or refused).
    void settled(qint64 id);
    // The database refused a verdict (an adjudication by one of the two reviewers, say): why,
    // and the note it carried, so the reviewer keeps what they wrote.
    void refused(qint64 id, const QString &why, const QString &note);

private:
    struct Undo {
        QueueItem item;
        QString written;  // the value we wrote
        bool applied = true;
    };

    void submit(OutboxEntry entry);
    void settle(const SendOutcome &outcome, const OutboxEntry &entry);
    void setOutboxSize(int size);
    void markNotApplied(qint64 id);
    void flushOutbox(bool force);

    std::shared_ptr<const Database> m_db;
    std::shared_ptr<FeedbackSender> m_sender;
    std::function<bool(const QString &)> m_resolveConflict;
    std::vector<Undo> m_undo;
    QSet<qint64> m_decided;
    QHash<qint64, ReviewRole> m_decidedRole;
    int m_outboxSize = 0;
    bool m_flushing = false;  // a timed retry in flight: the next tick does not queue another
    QTimer *m_retry = nullptr;
    QThreadPool m_writer;
};

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Feedback.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;
class FeedbackRepository;

// One feedback write waiting for the database: a record (value set) or an undo restore.
struct OutboxEntry {
    QString key;  // client-generated idempotency key (FeedbackRequest::clientKey)
    qint64 telemetryId = 0;
    bool restore = false;
    std::optional<Feedback> value;  // nullopt = back to pending (restore only)
    std::optional<QString> expectedPrevious;  // what the reviewer saw ("" = pending)
    QString reviewer;
    QString note;
    ReviewRole role = ReviewRole::First;
    QDateTime createdAt;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
};

struct OutboxFlush {
    int delivered = 0;
    int duplicates = 0;  // had committed before the connection dropped; not applied again
    std::vector<std::pair<OutboxEntry, QString>> conflicts;  // left the outbox; the user decides
    std::vector<std::pair<OutboxEntry, QString>> rejected;  // permanent errors (unknown id)
    int remaining = 0;
    QString lastError;  // why the rest waits (empty when empty)
};

// The local durable outbox (docs/RELIABILITY.md §The outbox): a SQLite file (mode 0600) beside the settings,
// holding feedback that could not be written. Entries are delivered in order, with backoff,
// exactly once (idempotency keys checked in the feedback transaction), across restarts.
class FeedbackOutbox {
public:
    // Creates the file with 0600 before SQLite opens it.
    static Result<std::unique_ptr<FeedbackOutbox>> open(const QString &path);
    // AppConfigLocation/feedback-outbox-<hash of the database URL>.db, next to the settings
    // file: one outbox per database, so a queued click never lands in another database.
    static QString defaultPath(const QString &databaseUrl);
    ~FeedbackOutbox();

    const QString &path() const { return m_path; }

    // Stores the entry (a key is generated when empty) and returns its key.
    Result<QString> enqueue(OutboxEntry entry);
    Result<int> size() const;
    Result<std::vector<OutboxEntry>> entries() const;

    // Delivers due entries in order and stops at the first transient failure, which pushes
    // that entry's next attempt back: 1 s, 2 s, 4 s, then every 8 s (a released lock or a
    // restarted server is found within seconds; an attempt is one statement). `force` ignores
    // the backoff (the user pressed "retry now", or the connection just came back).
    OutboxFlush flush(const Database &target, const FeedbackRepository &repo, bool force = false);

    static QString newKey();
    static int backoffSeconds(int attempts);

private:
    explicit FeedbackOutbox(QString path, std::shared_ptr<Database> store);
    Status remove(const QString &key);

    QString m_path;
    std::shared_ptr<Database> m_store;
};

}  // namespace atalaya

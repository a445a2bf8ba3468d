#pragma once

#include "core/common/Result.h"
#include "core/storage/Database.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace atalaya {

// Where an attempt to open a database is. Preparing covers `init`: missing tables,
// migrations, and the rollup and queue-count builds of a table that never had them.
struct SessionProgress {
    enum class Phase { Idle, Connecting, Preparing };
    Phase phase = Phase::Idle;
    int percent = -1;  // of the rollup build while Preparing; -1 when it cannot count
    bool operator==(const SessionProgress &) const = default;
};

// Opens and initialises a database on a worker thread, so the UI thread keeps painting
// through a slow server, a lock or a rollup build of 200 000 rows. The worker's own
// connection is closed when it is done; every other thread opens its own on first use
// (Database::connection()). Attempts run one at a time, in order: a cancelled one is
// forgotten at once by the caller, but on its thread it finishes the step it is in (connect
// or init; a statement cannot be interrupted safely) and skips the next, and the next
// attempt starts behind it, never beside it on the same tables.
class SessionOpener : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool initialize = true;  // false: only check that the connection works
        DatabaseOptions database;
        qint64 maxRowsToBuildRollups = 200000;
        // A replica for reads (Database::attachReplica); its failure fails the attempt.
        std::optional<DbUrl> replicaUrl;
        QString replicaPassword;
    };

    explicit SessionOpener(QObject *parent = nullptr);
    ~SessionOpener() override;

    // Cancels an attempt still running and starts this one.
    void start(const DbUrl &url, const QString &password, const Options &options);
    void start(const DbUrl &url, const QString &password) { start(url, password, Options()); }
    // Stops waiting at once; nothing is emitted for the attempt afterwards.
    void cancel();
    bool isRunning() const { return m_attempt != nullptr; }
    SessionProgress progress() const { return m_progress; }

signals:
    void progressChanged(const atalaya::SessionProgress &progress);
    // Before opened(), when the account may not prepare Atalaya's tables: the refused step.
    void limited(const QString &refusedStep);
    void opened(std::shared_ptr<atalaya::Database> db);
    void failed(const QString &message);

private:
    struct Attempt;
    void poll();
    void finish(const std::shared_ptr<Attempt> &attempt);

    std::shared_ptr<Attempt> m_attempt;
    SessionProgress m_progress;
    QTimer m_poll;
};

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::SessionProgress)

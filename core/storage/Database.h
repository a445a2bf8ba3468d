#pragma once

#include "core/common/Result.h"
#include "core/storage/DbUrl.h"
#include "core/storage/Dialect.h"
#include "core/storage/ReadYourWrites.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace atalaya {

struct DatabaseOptions {
    int connectTimeoutSeconds = 5;
    // Bounds every read so a stuck server cannot hang a page (docs/RELIABILITY.md §Faults survived).
    int readTimeoutSeconds = 60;
    // How long a statement waits for a row, table or metadata lock another session holds
    // before it fails with a message that says so (`--timeout`, the GUI's setting). Reads
    // get at least this plus a margin, so a lock wait never ends as a lost connection.
    int lockWaitTimeoutSeconds = 20;
};

// An open database. QSqlDatabase connections belong to the thread that opened them, so each
// thread that calls connection() gets its own, opened on first use with the same settings.
class Database {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens and checks the first connection; the error says what failed and what to do
    // (code Unavailable for unreachable, authentication or privilege problems).
    static Result<std::shared_ptr<Database>> open(const DbUrl &url, const QString &password,
                                                  const DatabaseOptions &options = {});

    const DbUrl &url() const { return m_url; }
    const Dialect &dialect() const { return m_dialect; }
    Backend backend() const { return m_url.backend; }
    const DatabaseOptions &options() const { return m_options; }

    // This thread's connection (opened lazily). Check isOpen() when the server may be gone.
    QSqlDatabase connection() const;
    // Closes and reopens this thread's connection, for recovery after the server restarted.
    Status reconnect() const;

    // A replica for reads (`--read-db`, docs/DEPLOYMENTS.md §Primary + replicas): opened and
    // checked now, before this Database is shared. Writes, migrations and the outbox stay here.
    Status attachReplica(const DbUrl &url, const QString &password);
    // The replica, or null when reads go to this database too.
    const Database *replica() const { return m_replica.get(); }
    // Where a read that may lag goes: the replica when it is reachable and has applied every
    // commit this process made here (ReadYourWrites), else this database.
    const Database &reads() const;
    // Called after each commit on this thread's connection: remembers what the replica must
    // have applied before reads go there again.
    void noteCommitted() const;
    // The node of a cluster URL the connections go to now, an index into url().nodes() (always 0
    // for one server): the first node that answers, then, when it dies or leaves the cluster's
    // primary component, the next one that answers (docs/DEPLOYMENTS.md §Galera cluster).
    qsizetype activeNode() const { return m_activeNode.load(); }
    // For the status bar: url().describe(), and for a cluster the node in use, e.g.
    // "MySQL atalaya@h2:3306/db — node 2 of 3".
    QString describeActive() const;

    QString serverVersion() const;
    // Unique per open Database for the life of the process (keys caches of per-database facts).
    const QString &instanceKey() const { return m_prefix; }

private:
    Database(DbUrl url, QString password, DatabaseOptions options);
    Status openConnection(QSqlDatabase &db) const;
    Status openOnSomeNode(QSqlDatabase &db) const;
    Status configureConnection(QSqlDatabase &db, const DbUrl &node) const;
    QString connectionName() const;

    DbUrl m_url;
    QString m_password;
    DatabaseOptions m_options;
    Dialect m_dialect;
    QString m_prefix;
    mutable QMutex m_mutex;
    mutable QStringList m_names;
    mutable std::optional<Error> m_openError;  // why the last connection attempt failed
    std::shared_ptr<Database> m_replica;
    std::unique_ptr<ReadYourWrites> m_readYourWrites;
    mutable std::atomic<qsizetype> m_activeNode = 0;
};

}  // namespace atalaya

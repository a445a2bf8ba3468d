#include "core/storage/Database.h"

#include "core/logging/Logging.h"
#include "core/storage/ConnectionHealth.h"
#include "core/storage/ReplicaRoute.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace atalaya {
namespace {

QAtomicInt g_instances;

QString connectOptions(const DbUrl &url, const DatabaseOptions &options)
{
    QStringList parts;
    if (url.backend == Backend::SQLite) {
        parts << QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.lockWaitTimeoutSeconds * 1000);
        return parts.join(QLatin1Char(';'));
    }
    const int readTimeout = std::max(options.readTimeoutSeconds, options.lockWaitTimeoutSeconds + 10);
    parts << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(options.connectTimeoutSeconds)
          << QStringLiteral("MYSQL_OPT_READ_TIMEOUT=%1").arg(readTimeout)
          << QStringLiteral("MYSQL_OPT_WRITE_TIMEOUT=%1").arg(readTimeout);
    if (!url.socket.isEmpty())
        parts << QStringLiteral("UNIX_SOCKET=%1").arg(url.socket);
    // Qt 6.4's QMYSQL has no ssl-mode option: any SSL_* option turns TLS on, and a CA also
    // makes the connector verify the server's chain. An empty SSL_CIPHER asks for TLS with the
    // connector's default ciphers and no verification (ssl-mode=required). The connector falls
    // back to plain text when the server has no TLS, hence requiresTls() below.
    if (!url.sslCa.isEmpty())
        parts << QStringLiteral("SSL_CA=%1").arg(url.sslCa);
    else if (url.sslMode == QLatin1String("required") || url.sslMode == QLatin1String("preferred"))
        parts << QStringLiteral("SSL_CIPHER=");
    return parts.join(QLatin1Char(';'));
}

bool requiresTls(const DbUrl &url)
{
    return url.sslMode == QLatin1String("required") || url.sslMode == QLatin1String("verify-ca")
        || url.sslMode == QLatin1String("verify-identity");
}

Error connectError(const DbUrl &url, const QSqlError &error)
{
    const QString native = error.nativeErrorCode();
    QString hint;
    if (native == QLatin1String("1045"))
        hint = QStringLiteral("check the user and password (ATALAYA_DB_PASSWORD, --password-stdin "
                              "or the keychain entry saved by the app)");
    else if (native == QLatin1String("1044") || native == QLatin1String("1049"))
        hint = QStringLiteral("check that the database exists and the user may use it");
    else if (native == QLatin1String("2002") || native == QLatin1String("2003") || native == QLatin1String("2005"))
        hint = QStringLiteral("check that the server is running and the host, port or socket "
                              "are right");
    else if (native == QLatin1String("2026"))
        hint = QStringLiteral("the TLS handshake failed; check that ssl-ca names the CA that "
                              "signed the server's certificate");
    else
        hint = QStringLiteral("check the URL, the server and the credentials");
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("cannot connect to %1: %2 — %3").arg(url.describe(), error.text().trimmed(), hint));
}

// No server answered (as opposed to one that refused the account or the database).
bool unreachable(const QSqlError &error)
{
    static const QStringList codes = {QStringLiteral("2002"), QStringLiteral("2003"), QStringLiteral("2005"),
                                      QStringLiteral("2006"), QStringLiteral("2013")};
    return codes.contains(error.nativeErrorCode());
}

}  // namespace

Database::Database(DbUrl url, QString password, DatabaseOptions options)
    : m_url(std::move(url)), m_password(std::move(password)), m_options(options), m_dialect(m_url.backend),
      m_prefix(QStringLiteral("atalaya-%1").arg(g_instances.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    QMutexLocker lock(&m_mutex);
    // Connections of worker threads are closed by removeDatabase; opening a handle to them
    // from this thread is not allowed.
    for (const QString &name : std::as_const(m_names))
        QSqlDatabase::removeDatabase(name);
    connection_health::forget(m_prefix, m_names);
    replica_route::forget(*this);
}

Result<std::shared_ptr<Database>> Database::open(const DbUrl &url, const QString &password,
                                                 const DatabaseOptions &options)
{
    const QString driver = url.backend == Backend::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QMYSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("the Qt SQL driver %1 is not installed — install the "
                                        "Debian package %2")
                             .arg(driver,
                                  url.backend == Backend::SQLite ? QStringLiteral("libqt6sql6-sqlite")
                                                                 : QStringLiteral("libqt6sql6-mysql")));
    if (url.backend == Backend::SQLite) {
        const QFileInfo info(url.path);
        if (!QDir().mkpath(info.absolutePath()))
            return makeError(
                ErrorCode::Unavailable,
                QStringLiteral("cannot create the folder %1 for the SQLite database").arg(info.absolutePath()));
    }
    if (url.sslMode == QLatin1String("verify-identity"))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("ssl-mode=verify-identity is not supported by Qt's MySQL "
                                        "driver here; use ssl-mode=verify-ca&ssl-ca=/path/ca.pem"));
    std::shared_ptr<Database> db(new Database(url, password, options));
    QSqlDatabase c = db->connection();
    if (!c.isOpen()) {
        QMutexLocker lock(&db->m_mutex);
        return db->m_openError.value_or(
            makeError(ErrorCode::Unavailable, QStringLiteral("cannot connect to %1").arg(url.describe())));
    }
    qCInfo(lcStorage).noquote() << "connected to" << url.describe();
    return db;
}

QString Database::connectionName() const
{
    // A serial per thread, not the thread id: ids are reused after a thread ends (a pool's
    // idle expiry, a closed page), and a new thread must not pick up the dead one's handle.
    static QAtomicInt threadSerials;
    thread_local const int threadSerial = threadSerials.fetchAndAddRelaxed(1) + 1;
    return QStringLiteral("%1-%2").arg(m_prefix).arg(threadSerial);
}

Status Database::openConnection(QSqlDatabase &db) const
{
    Status status = openOnSomeNode(db);
    connection_health::opened(m_prefix, db.connectionName(), status);
    QMutexLocker lock(&m_mutex);
    if (status)
        m_openError.reset();
    else
        m_openError = status.error();
    return status;
}

// The active node first, then the others in the order of the URL after it. A connection that
// lands on another node moves every thread there: a connection to the dead node is of no use,
// and one node at a time keeps a reviewer's reads after its own writes on the node that took them.
Status Database::openOnSomeNode(QSqlDatabase &db) const
{
    if (!m_url.isCluster())
        return configureConnection(db, m_url);
    const qsizetype count = m_url.nodes().size();
    const qsizetype first = m_activeNode.load();
    QStringList failures;
    for (qsizetype k = 0; k < count; ++k) {
        const qsizetype i = (first + k) % count;
        const DbUrl node = m_url.atNode(i);
        db.setHostName(node.host);
        db.setPort(node.port);
        Status status = configureConnection(db, node);
        if (!status) {
            failures << status.error().message;
            continue;
        }
        qsizetype expected = first;
        if (i != first && m_activeNode.compare_exchange_strong(expected, i)) {
            logEvent(lcStorage(), QtWarningMsg, QStringLiteral("database node changed"),
                     {{QStringLiteral("database"), m_url.describe()},
                      {QStringLiteral("node"), QStringLiteral("%1:%2").arg(node.host).arg(node.port)}});
            invalidateConnections(*this);
        }
        return status;
    }
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("cannot connect to any of the %1 nodes of %2: %3")
                         .arg(count)
                         .arg(m_url.describe(), failures.join(QLatin1String("; "))));
}

QString Database::describeActive() const
{
    if (!m_url.isCluster())
        return m_url.describe();
    const qsizetype i = activeNode();
    return QStringLiteral("%1 — node %2 of %3").arg(m_url.atNode(i).describe()).arg(i + 1).arg(m_url.nodes().size());
}

Status Database::configureConnection(QSqlDatabase &db, const DbUrl &node) const
{
    if (!db.open())
        return connectError(node, db.lastError());
    QSqlQuery q(db);
    if (m_url.backend == Backend::SQLite) {
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        return {};
    }
    if (requiresTls(m_url)) {
        const bool encrypted =
            q.exec(QStringLiteral("SHOW STATUS LIKE 'Ssl_cipher'")) && q.next() && !q.value(1).toString().isEmpty();
        q.finish();
        if (!encrypted) {
            db.close();
            return makeError(ErrorCode::Unavailable,
                             QStringLiteral("the connection to %1 is not encrypted but the URL asks "
                                            "for ssl-mode=%2; enable TLS on the server (ssl_cert, "
                                            "ssl_key) or drop ssl-mode from the URL")
                                 .arg(node.describe(), m_url.sslMode));
        }
    }
    // A Galera node out of the primary component still takes connections and `SELECT 1`, but
    // refuses every statement on a table ("WSREP has not yet prepared node for application use").
    const QString ready = m_url.isCluster() && q.exec(QStringLiteral("SHOW STATUS LIKE 'wsrep_ready'")) && q.next()
        ? q.value(1).toString()
        : QString();
    q.finish();
    if (!ready.isEmpty() && ready != QLatin1String("ON")) {
        db.close();
        return makeError(ErrorCode::Unavailable,
                         QStringLiteral("cannot use %1: the Galera node is not ready (wsrep_ready is %2: it is "
                                        "not part of the cluster's primary component, e.g. quorum lost) — start the "
                                        "missing nodes, or bootstrap the most advanced one (pc.bootstrap=YES)")
                             .arg(node.describe(), ready));
    }
    // Every DATETIME we write or compare is UTC; NOW() must agree.
    q.exec(QStringLiteral("SET time_zone = '+00:00'"));
    q.exec(QStringLiteral("SET NAMES utf8mb4"));
    // Row locks (InnoDB) and table/metadata locks (LOCK TABLES, ALTER) have separate limits.
    q.exec(QStringLiteral("SET SESSION innodb_lock_wait_timeout = %1, lock_wait_timeout = %1")
               .arg(m_options.lockWaitTimeoutSeconds));
    return {};
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (connection_health::shouldReopen(m_prefix, name, db.isOpen())) {
            db.close();
            openConnection(db);
        }
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(
        m_url.backend == Backend::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QMYSQL"), name);
    if (m_url.backend == Backend::SQLite) {
        db.setDatabaseName(m_url.path);
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setDatabaseName(m_url.database);
        db.setUserName(m_url.user);
        db.setPassword(m_password);
    }
    db.setConnectOptions(connectOptions(m_url, m_options));
    {
        QMutexLocker lock(&m_mutex);
        m_names << name;
    }
    openConnection(db);
    return db;
}

Status Database::reconnect() const
{
    // Always one new attempt: not connection(), which may just have made one of its own.
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return connection().isOpen() ? Status() : Status(notOpenError(*this));
    QSqlDatabase db = QSqlDatabase::database(name, false);
    db.close();
    return openConnection(db);
}

Status Database::attachReplica(const DbUrl &url, const QString &password)
{
    if (m_url.backend != Backend::MySQL || url.backend != Backend::MySQL)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("a read replica needs a MariaDB or MySQL server for both "
                                        "--db and --read-db; drop --read-db for SQLite"));
    if (url.sslMode == QLatin1String("verify-identity"))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("the read replica: ssl-mode=verify-identity is not supported by Qt's MySQL "
                                        "driver here; use ssl-mode=verify-ca&ssl-ca=/path/ca.pem"));
    // Not open(), which gives no Database for a server that does not answer: a replica that is
    // down now is attached as down (replica_route), and reads go here until it answers. One that
    // refuses the account or has no such database is a mistake to fix, not an outage.
    std::shared_ptr<Database> replica(new Database(url, password, m_options));
    const QSqlDatabase first = replica->connection();
    if (!first.isOpen() && !unreachable(first.lastError())) {
        const Error why = notOpenError(*replica);
        return makeError(why.code, QStringLiteral("the read replica: %1").arg(why.message));
    }
    m_replica = replica;
    m_readYourWrites = std::make_unique<ReadYourWrites>();
    replica_route::link(*m_replica, *this);
    if (!first.isOpen())
        replica_route::lost(*this, notOpenError(*m_replica).message);
    return {};
}

const Database &Database::reads() const
{
    if (!m_replica || replica_route::isDown(*this))
        return *this;
    const QSqlDatabase c = m_replica->connection();
    if (!c.isOpen()) {
        replica_route::lost(*this, notOpenError(*m_replica).message);
        return *this;
    }
    return m_readYourWrites->replicaHasApplied(c) ? *m_replica : *this;
}

void Database::noteCommitted() const
{
    if (m_readYourWrites)
        m_readYourWrites->noteCommit(connection());
}

QString Database::serverVersion() const
{
    QSqlQuery q(connection());
    const QString sql = m_url.backend == Backend::SQLite ? QStringLiteral("SELECT sqlite_version()")
                                                         : QStringLiteral("SELECT VERSION()");
    if (q.exec(sql) && q.next())
        return q.value(0).toString();
    return {};
}

}  // namespace atalaya

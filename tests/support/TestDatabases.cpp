#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

namespace atalaya::test {
namespace {

QAtomicInt g_counter;

QTemporaryDir &tempDir()
{
    static QTemporaryDir dir;
    return dir;
}

}  // namespace

TestBackend currentBackend()
{
    return qEnvironmentVariable("ATALAYA_TEST_BACKEND") == QLatin1String("mariadb") ? TestBackend::MariaDB
                                                                                    : TestBackend::SQLite;
}

QString backendName()
{
    return currentBackend() == TestBackend::MariaDB ? QStringLiteral("mariadb") : QStringLiteral("sqlite");
}

QMap<QString, QString> readFixtureInfo(const QString &path)
{
    QMap<QString, QString> info;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return info;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            info.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return info;
}

QMap<QString, QString> fixtureInfo(const char *variable, const char *fixture)
{
    const QString path = qEnvironmentVariable(variable);
    if (!QFile::exists(path))
        qWarning("the test server is not running (no %s, from %s); run the test through ctest, whose %s "
                 "fixture starts it",
                 qPrintable(path), variable, fixture);
    return readFixtureInfo(path);
}

QMap<QString, QString> mariadbInfo()
{
    return fixtureInfo("ATALAYA_TEST_MARIADB", "mariadb");
}

QString uniqueDatabaseName(const QString &prefix)
{
    return QStringLiteral("%1_%2_%3")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->bounded(1000000));
}

bool execOverSocket(const QString &socket, const QString &user, const QString &password, const QString &sql,
                    QVariant *firstValue)
{
    bool ok = false;
    const QString name = QStringLiteral("socket-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        c.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + socket);
        c.setUserName(user);
        c.setPassword(password);
        if (c.open()) {
            QSqlQuery q(c);
            ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            else if (firstValue && q.next())
                *firstValue = q.value(0);
        } else {
            qWarning("cannot reach %s as %s: %s", qPrintable(socket), qPrintable(user),
                     qPrintable(c.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

std::shared_ptr<Database> openUrl(const QString &text, const QString &password)
{
    auto url = DbUrl::parse(text);
    if (!url) {
        qWarning("bad test URL %s: %s", qPrintable(text), qPrintable(url.error().message));
        return nullptr;
    }
    auto db = Database::open(*url, password);
    if (!db) {
        qWarning("cannot open the test database: %s", qPrintable(db.error().message));
        return nullptr;
    }
    return *db;
}

FreshDatabase freshDatabase(bool initialize)
{
    FreshDatabase out;
    const int n = g_counter.fetchAndAddRelaxed(1);
    if (currentBackend() == TestBackend::SQLite) {
        out.url = QStringLiteral("sqlite:") + tempDir().filePath(QStringLiteral("t%1.db").arg(n));
    } else {
        const auto info = mariadbInfo();
        if (info.isEmpty())
            return out;
        const QString name = uniqueDatabaseName(QStringLiteral("t_%1").arg(n));
        if (!execOverSocket(info.value(QStringLiteral("SOCKET")), info.value(QStringLiteral("USER")),
                            info.value(QStringLiteral("PASSWORD")),
                            QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4").arg(name)))
            return out;
        out.url = QStringLiteral("mysql://%1@127.0.0.1:%2/%3")
                      .arg(info.value(QStringLiteral("USER")), info.value(QStringLiteral("PORT")), name);
        out.password = info.value(QStringLiteral("PASSWORD"));
    }
    auto db = openUrl(out.url, out.password);
    if (!db)
        return out;
    if (initialize) {
        auto init = atalaya::initialize(*db);
        if (!init) {
            qWarning("init failed: %s", qPrintable(init.error().message));
            return out;
        }
    }
    out.db = db;
    return out;
}

qint64 scalar(const Database &db, const QString &sql, const QVariantList &values)
{
    auto q = execQuery(db, sql, values, QStringLiteral("test query"));
    if (!q || !q->next())
        return -1;
    return q->value(0).toLongLong();
}

QStringList texts(const Database &db, const QString &sql, const QVariantList &values)
{
    auto q = execQuery(db, sql, values, QStringLiteral("test query"));
    if (!q) {
        qWarning("%s", qPrintable(q.error().message));
        return {};
    }
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

QStringList agentsInIdOrder(const Database &db)
{
    return texts(db, QStringLiteral("SELECT agent_id FROM ai_telemetry ORDER BY id"));
}

bool createSeedTables(const Database &db)
{
    const bool mysql = db.dialect().isMySql();
    const QString json = mysql ? QStringLiteral("JSON") : QStringLiteral("TEXT");
    const QString key = mysql ? QStringLiteral("id BIGINT AUTO_INCREMENT PRIMARY KEY")
                              : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
    const QStringList ddl = {
        QStringLiteral("CREATE TABLE ai_telemetry (%1, agent_id VARCHAR(100) NOT NULL, task_type VARCHAR(50) NOT NULL,"
                       " decision_made %2 NOT NULL, confidence_score DECIMAL(5,4) NOT NULL,"
                       " human_feedback VARCHAR(20) NULL, accuracy DECIMAL(5,4) NULL, execution_time_ms INT NOT NULL,"
                       " metadata %2 NOT NULL, created_at DATETIME(6) NOT NULL)")
            .arg(key, json),
        QStringLiteral(
            "CREATE TABLE dora_metrics (%1, cycle_id VARCHAR(50) NOT NULL, feature_id VARCHAR(50) NOT NULL,"
            " phase_name VARCHAR(50) NOT NULL, decision VARCHAR(20) NOT NULL,"
            " duration_seconds DECIMAL(10,2) NOT NULL, metadata %2 NOT NULL, created_at DATETIME(6) NOT NULL)")
            .arg(key, json)};
    for (const QString &sql : ddl) {
        if (!execStatement(db, sql, {}, QStringLiteral("their table")))
            return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 12; ++i) {
        if (!execStatement(db,
                           QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                          " confidence_score, execution_time_ms, metadata, created_at)"
                                          " VALUES (?, 'triage', '{}', ?, ?, '{}', ?)"),
                           {i % 2 ? QStringLiteral("agent-a") : QStringLiteral("agent-b"), 0.40 + 0.05 * i,
                            100 + 10 * i, toDbDateTime(now.addSecs(-600 * (i + 1)))},
                           QStringLiteral("their row")))
            return false;
    }
    return true;
}

QString databaseName(const FreshDatabase &fresh)
{
    return QUrl(fresh.url).path().mid(1);
}

QSqlDatabase rootConnection()
{
    const QString name = QStringLiteral("root-admin");
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
    admin.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + mariadbInfo().value(QStringLiteral("SOCKET")));
    admin.setUserName(QStringLiteral("root"));
    if (!admin.open())
        qWarning("root over the socket: %s", qPrintable(admin.lastError().text()));
    return admin;
}

QString accountWith(const FreshDatabase &fresh, const QString &user, const QString &privileges, const QString &password)
{
    QSqlQuery q(rootConnection());
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        const QString account = QStringLiteral("'%1'@'%2'").arg(user, host);
        if (!q.exec(QStringLiteral("CREATE USER %1 IDENTIFIED BY '%2'").arg(account, password))
            || !q.exec(QStringLiteral("GRANT %1 ON %2.* TO %3").arg(privileges, databaseName(fresh), account))) {
            qWarning("creating %s: %s", qPrintable(account), qPrintable(q.lastError().text()));
            return {};
        }
    }
    QUrl url(fresh.url);
    url.setUserName(user);
    return url.toString();
}

QString readOnlyUrl(const QString &databaseUrl)
{
    const auto info = mariadbInfo();
    QUrl url(databaseUrl);
    url.setUserName(info.value(QStringLiteral("READONLY_USER")));
    return url.toString();
}

}  // namespace atalaya::test

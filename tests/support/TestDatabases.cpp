#include "tests/support/TestDatabases.h"

#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

QMap<QString, QString> mariadbInfo()
{
    QMap<QString, QString> info;
    QFile file(qEnvironmentVariable("ATALAYA_TEST_MARIADB"));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("the MariaDB test server is not running (no %s); run the tests through ctest, "
                 "whose mariadb fixture starts it",
                 qPrintable(file.fileName()));
        return info;
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            info.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return info;
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
        const QString name = QStringLiteral("t_%1_%2_%3")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(n)
                                 .arg(QRandomGenerator::global()->bounded(1000000));
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("admin-") + name);
            admin.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + info.value(QStringLiteral("SOCKET")));
            admin.setUserName(info.value(QStringLiteral("USER")));
            admin.setPassword(info.value(QStringLiteral("PASSWORD")));
            if (!admin.open()) {
                qWarning("cannot reach the MariaDB test server: %s", qPrintable(admin.lastError().text()));
                return out;
            }
            QSqlQuery q(admin);
            if (!q.exec(QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4").arg(name))) {
                qWarning("cannot create the test database: %s", qPrintable(q.lastError().text()));
                return out;
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin-") + name);
        out.url = QStringLiteral("mysql://%1@127.0.0.1:%2/%3")
                      .arg(info.value(QStringLiteral("USER")), info.value(QStringLiteral("PORT")), name);
        out.password = info.value(QStringLiteral("PASSWORD"));
    }
    auto url = DbUrl::parse(out.url);
    if (!url) {
        qWarning("bad test URL: %s", qPrintable(url.error().message));
        return out;
    }
    auto db = Database::open(*url, out.password);
    if (!db) {
        qWarning("cannot open the test database: %s", qPrintable(db.error().message));
        return out;
    }
    if (initialize) {
        auto init = atalaya::initialize(**db);
        if (!init) {
            qWarning("init failed: %s", qPrintable(init.error().message));
            return out;
        }
    }
    out.db = *db;
    return out;
}

qint64 scalar(const Database &db, const QString &sql, const QVariantList &values)
{
    auto q = execQuery(db, sql, values, QStringLiteral("test query"));
    if (!q || !q->next())
        return -1;
    return q->value(0).toLongLong();
}

QString readOnlyUrl(const QString &databaseUrl)
{
    const auto info = mariadbInfo();
    QUrl url(databaseUrl);
    url.setUserName(info.value(QStringLiteral("READONLY_USER")));
    return url.toString();
}

}  // namespace atalaya::test

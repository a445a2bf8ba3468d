#pragma once

#include "core/storage/Database.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace atalaya::test {

enum class TestBackend { SQLite, MariaDB };

// ATALAYA_TEST_BACKEND (set by CTest for DB tests): sqlite or mariadb.
TestBackend currentBackend();

// Skips the calling test function unless on MariaDB. A macro because QSKIP must run in the
// test function itself: in a helper it only returns from the helper and the test goes on.
#define ATALAYA_MARIADB_ONLY(why)                                                                                      \
    do {                                                                                                               \
        if (::atalaya::test::currentBackend() != ::atalaya::test::TestBackend::MariaDB)                                \
            QSKIP(why);                                                                                                \
    } while (false)
QString backendName();

// The KEY=value lines a test fixture script writes about what it started (info.env); empty
// when the file cannot be read.
QMap<QString, QString> readFixtureInfo(const QString &path);
// The info.env that the environment variable `variable` names (CTest sets it); empty, with a
// warning naming the CTest fixture that starts the server, when it is missing.
QMap<QString, QString> fixtureInfo(const char *variable, const char *fixture);

// A database name no other test or run uses: prefix_pid_random.
QString uniqueDatabaseName(const QString &prefix);
// One statement on a MariaDB server over its Unix socket as `user` (an empty password: socket
// authentication, as root); the first value of its first row goes to *firstValue. False, with
// the reason printed, when it could not connect or the statement failed.
bool execOverSocket(const QString &socket, const QString &user, const QString &password, const QString &sql,
                    QVariant *firstValue = nullptr);
// Opens the database at `url` (no password in it); null, with the reason printed, on failure.
std::shared_ptr<Database> openUrl(const QString &url, const QString &password);

// The server the `mariadb` CTest fixture started (SOCKET, PORT, USER, PASSWORD,
// READONLY_USER, READONLY_PASSWORD, PID_FILE, DATADIR). Fails the test when missing.
QMap<QString, QString> mariadbInfo();

struct FreshDatabase {
    QString url;  // without password
    QString password;  // for ATALAYA_DB_PASSWORD
    std::shared_ptr<Database> db;
};

// A new, empty database on the current backend (a temp SQLite file, or a new MariaDB
// database), optionally with `init` run. QVERIFY-friendly: db is null on failure and the
// reason is printed.
FreshDatabase freshDatabase(bool initialize = true);

// The first column of the first row of `sql` (bound values only), or -1 on error.
qint64 scalar(const Database &db, const QString &sql, const QVariantList &values = {});
// The first column of every row of `sql` as text; empty, with the reason printed, on error.
QStringList texts(const Database &db, const QString &sql, const QVariantList &values = {});
// The agent ids of ai_telemetry in id order: the order the rows were written in.
QStringList agentsInIdOrder(const Database &db);

// ai_telemetry and dora_metrics as another application made them (seed 000 Appendix A), with
// 12 rows of the last two hours: the common first day, `init` never run.
bool createSeedTables(const Database &db);

// The database name of a MariaDB FreshDatabase.
QString databaseName(const FreshDatabase &fresh);
// Root over the fixture's socket (authenticated as the OS user), for GRANTs and a DBA's steps.
QSqlDatabase rootConnection();
// A new MariaDB account that has exactly `privileges` on `fresh`'s database; its URL, or empty.
QString accountWith(const FreshDatabase &fresh, const QString &user, const QString &privileges,
                    const QString &password);

// The URL of an existing MariaDB database for the read-only account.
QString readOnlyUrl(const QString &databaseUrl);

}  // namespace atalaya::test

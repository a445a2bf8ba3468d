#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/secrets/SecretStore.h"

#include <QJsonObject>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// The real keychain path of docs/CLI.md's password order: the app saves the database password
// in the system keychain and atalaya-cli, given no other password, finds it there. Runs
// inside tests/support/keychain-session.sh (a private D-Bus session with gnome-keyring).
class TestKeychain : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    QString m_key;

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("ATALAYA_KEYRING_SESSION"),
                 "run through tests/support/keychain-session.sh");
        // The real store for this process and the CLIs it starts.
        qunsetenv("ATALAYA_SECRET_STORE");
        qputenv("ATALAYA_TEST_BACKEND", "mariadb");
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        auto url = DbUrl::parse(m_fresh.url);
        QVERIFY(url.ok());
        m_key = SecretStore::databaseKey(url->toString());
    }

    void cliReadsThePasswordTheAppSaved()
    {
        auto store = SecretStore::system();
        // Nothing saved yet: the CLI has no password from anywhere.
        const CliRun before = runCli({"--db", m_fresh.url, "stats"});
        QCOMPARE(before.exitCode, 4);

        QVERIFY(store->write(m_key, m_fresh.password).ok());
        auto read = store->read(m_key);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(*read, m_fresh.password);
        const CliRun run = runCli({"--db", m_fresh.url, "stats"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.json().object().contains("accuracy"));
        QVERIFY(!run.err.contains(m_fresh.password.toUtf8()));

        QVERIFY(store->remove(m_key).ok());
        QCOMPARE(store->read(m_key).error().code, ErrorCode::NotFound);
        const CliRun after = runCli({"--db", m_fresh.url, "stats"});
        QCOMPARE(after.exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

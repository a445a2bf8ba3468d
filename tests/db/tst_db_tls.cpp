#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/storage/SqlUtil.h"

#include <QJsonObject>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// TLS to MariaDB (docs/RELIABILITY.md §Security), against the `mariadb_tls` fixture: a server
// with a certificate from a throwaway CA. The plain fixture's refusals are in tst_cli_access.
class TestDbTls : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    QMap<QString, QString> m_info;

    QString urlWith(const QString &query) const { return query.isEmpty() ? m_fresh.url : m_fresh.url + "?" + query; }
    QProcessEnvironment passwordEnv() const
    {
        QProcessEnvironment env;
        env.insert("ATALAYA_DB_PASSWORD", m_fresh.password);
        return env;
    }

private slots:
    void initTestCase()
    {
        // The shared helpers read the server from these; point them at the TLS server.
        qputenv("ATALAYA_TEST_MARIADB", qgetenv("ATALAYA_TEST_MARIADB_TLS"));
        qputenv("ATALAYA_TEST_BACKEND", "mariadb");
        m_info = mariadbInfo();
        QVERIFY2(m_info.contains("CA") && m_info.contains("OTHER_CA"), "the mariadb_tls fixture did not run");
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
    }

    void sessionIsEncryptedWhenAsked_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("verify-ca") << "ssl-mode=verify-ca&ssl-ca=" + m_info.value("CA") << true;
        QTest::newRow("required") << "ssl-mode=required" << true;
        // The contrast that makes the rows above mean something: no TLS asked, none used.
        QTest::newRow("plain") << "" << false;
    }
    void sessionIsEncryptedWhenAsked()
    {
        QFETCH(QString, query);
        QFETCH(bool, encrypted);
        auto url = DbUrl::parse(urlWith(query));
        QVERIFY2(url.ok(), qPrintable(urlWith(query)));
        auto db = Database::open(*url, m_fresh.password);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        auto q = execQuery(**db, "SHOW STATUS LIKE 'Ssl_cipher'", {}, "test read");
        QVERIFY(q.ok() && q->next());
        QCOMPARE(!q->value(1).toString().isEmpty(), encrypted);

        const CliRun run = runCli({"--db", urlWith(query), "stats"}, {}, passwordEnv());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.json().object().contains("accuracy"));
    }

    void wrongCaIsRefusedWithAClearError()
    {
        const QString url = urlWith("ssl-mode=verify-ca&ssl-ca=" + m_info.value("OTHER_CA"));
        const CliRun run = runCli({"--db", url, "stats"}, {}, passwordEnv());
        QCOMPARE(run.exitCode, 4);  // docs/CLI.md: database unreachable
        QVERIFY(run.out.isEmpty());
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("error: cannot connect to ") && lines.first().contains("TLS handshake failed")
                     && lines.first().contains("ssl-ca"),
                 run.err.constData());
        QVERIFY(!run.err.contains(m_fresh.password.toUtf8()));

        auto parsed = DbUrl::parse(url);
        QVERIFY(parsed.ok());
        auto db = Database::open(*parsed, m_fresh.password);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestDbTls)
#include "tst_db_tls.moc"

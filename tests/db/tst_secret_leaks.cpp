#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya::test;

// Every error the URL parser and the connection can produce, with a password and a token
// that must never come back: not on stdout, stderr, in the --log-json file, nor from the
// GUI's --db. Runs against both fixtures (plain and TLS MariaDB) for the connection errors.
namespace {

const QString kPassword = QStringLiteral("SuperSecret99zq");
const QString kToken = QStringLiteral("Tok3nSecret77xy");

QMap<QString, QString> readInfo(const QByteArray &variable)
{
    return readFixtureInfo(qEnvironmentVariable(variable.constData()));
}

// A loopback port nobody listens on: bound, then released.
int closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

QByteArray leaked(const QByteArray &text)
{
    for (const QString &secret : {kPassword, kToken}) {
        if (text.contains(secret.toUtf8()) || text.contains(QUrl::toPercentEncoding(secret)))
            return secret.toUtf8();
    }
    return {};
}

}  // namespace

class TestSecretLeaks : public QObject {
    Q_OBJECT
private:
    QMap<QString, QString> m_plain;
    QMap<QString, QString> m_tls;
    QTemporaryDir m_dir;
    int m_logs = 0;

    QString server(const QMap<QString, QString> &info, const QString &user, const QString &rest = {}) const
    {
        return QStringLiteral("mysql://%1:%2@127.0.0.1:%3/atalaya%4").arg(user, kPassword, info.value("PORT"), rest);
    }

    void checkRun(const QStringList &args, const QProcessEnvironment &env, bool expectFailure = true)
    {
        const QString log = m_dir.filePath(QStringLiteral("run-%1.jsonl").arg(++m_logs));
        const CliRun run = runCli(QStringList{"--log-json", log} + args, {}, env, 60000);
        QFile f(log);
        const QByteArray logged = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        const QByteArray all = run.out + run.err + logged;
        if (expectFailure)
            QVERIFY2(run.exitCode != 0 && run.err.contains("error: "), all.constData());
        QVERIFY2(leaked(all).isEmpty(), all.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_plain = readInfo("ATALAYA_TEST_MARIADB");
        m_tls = readInfo("ATALAYA_TEST_MARIADB_TLS");
        QVERIFY2(m_plain.contains("PORT") && m_tls.contains("OTHER_CA"), "the mariadb fixtures did not run");
    }

    void databaseErrors_data()
    {
        QTest::addColumn<QString>("url");
        const QString pw = kPassword;
        const QString tok = kToken;
        // The parser.
        QTest::newRow("port too large") << "mysql://u:" + pw + "@127.0.0.1:99999/db";
        QTest::newRow("port zero") << "mysql://u:" + pw + "@127.0.0.1:0/db";
        QTest::newRow("port not a number") << "mysql://u:" + pw + "@127.0.0.1:abc/db";
        QTest::newRow("port negative") << "mysql://u:" + pw + "@127.0.0.1:-5/db";
        QTest::newRow("space in password") << "mysql://u:" + pw + " x@127.0.0.1/db";
        QTest::newRow("unencoded @ in password") << "mysql://u:p@" + pw + "@127.0.0.1:99999/db";
        QTest::newRow("bad character in host") << "mysql://u:" + pw + "@bad host/db";
        QTest::newRow("no host") << "mysql://u:" + pw + "@/db";
        QTest::newRow("no user") << "mysql://:" + pw + "@127.0.0.1/db";
        QTest::newRow("no database") << "mysql://u:" + pw + "@127.0.0.1/";
        QTest::newRow("unknown option") << "mysql://u:" + pw + "@127.0.0.1/db?token=" + tok;
        QTest::newRow("bad ssl-mode") << "mysql://u:" + pw + "@127.0.0.1/db?ssl-mode=maybe";
        QTest::newRow("verify-ca without ca") << "mysql://u:" + pw + "@127.0.0.1/db?ssl-mode=verify-ca";
        QTest::newRow("verify-identity") << "mysql://u:" + pw + "@127.0.0.1/db?ssl-mode=verify-identity&ssl-ca=/x.pem";
        QTest::newRow("bad scheme") << "postgres://u:" + pw + "@127.0.0.1/db";
        QTest::newRow("no scheme") << "u:" + pw + "@127.0.0.1/db";
        QTest::newRow("only the password") << pw;
        QTest::newRow("mariadb scheme, bad port") << "mariadb://u:" + pw + "@127.0.0.1:70000/db";
        // The connection.
        QTest::newRow("unreachable") << QStringLiteral("mysql://u:%1@127.0.0.1:%2/db").arg(pw).arg(closedPort());
        QTest::newRow("wrong password") << server(m_plain, "atalaya");
        QTest::newRow("unknown user") << server(m_plain, "nobody_here");
        QTest::newRow("plain server, TLS required") << server(m_plain, "atalaya", "?ssl-mode=required");
        QTest::newRow("TLS, wrong CA") << server(m_tls, "atalaya",
                                                 "?ssl-mode=verify-ca&ssl-ca=" + m_tls.value("OTHER_CA"));
        QTest::newRow("TLS, CA file missing")
            << server(m_tls, "atalaya", "?ssl-mode=verify-ca&ssl-ca=" + m_dir.filePath("none.pem"));
        QTest::newRow("socket missing") << "mysql://u:" + pw + "@localhost/db?socket=" + m_dir.filePath("none.sock");
    }
    void databaseErrors()
    {
        QFETCH(QString, url);
        checkRun({"--db", url, "stats"}, {});
        QProcessEnvironment env;
        env.insert("ATALAYA_DB", url);
        checkRun({"stats"}, env);
        // The password from the environment instead of the URL: the same errors.
        if (url.startsWith("mysql://u:" + kPassword + "@") || url.startsWith("mysql://atalaya:")) {
            QProcessEnvironment byEnv;
            byEnv.insert("ATALAYA_DB_PASSWORD", kPassword);
            QString without = url;
            without.replace(":" + kPassword + "@", "@");
            checkRun({"--db", without, "record"}, byEnv);
        }
    }

    void guiDbArgument_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("port too large") << "mysql://u:" + kPassword + "@127.0.0.1:99999/db";
        QTest::newRow("unknown option") << "mysql://u:" + kPassword + "@127.0.0.1/db?token=" + kToken;
    }
    void guiDbArgument()
    {
        QFETCH(QString, url);
        // The GUI is not a dependency of this test (it takes long to build); a full build has it.
        if (!QFileInfo::exists(qEnvironmentVariable("ATALAYA_GUI")))
            QSKIP("the GUI binary is not built; `ninja atalaya` first");
        QProcess gui;
        gui.setProcessChannelMode(QProcess::SeparateChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        gui.setProcessEnvironment(env);
        gui.start(qEnvironmentVariable("ATALAYA_GUI"), {"--db", url});
        QVERIFY(gui.waitForFinished(60000));
        const QByteArray all = gui.readAllStandardOutput() + gui.readAllStandardError();
        QCOMPARE(gui.exitCode(), 2);
        QVERIFY2(all.contains("error: invalid database URL"), all.constData());
        QVERIFY2(leaked(all).isEmpty(), all.constData());
    }

    void chatFeedErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("bad port") << "ws://u:" + kPassword + "@127.0.0.1:99999/feed?token=" + kToken;
        QTest::newRow("unreachable")
            << QStringLiteral("ws://u:%1@127.0.0.1:%2/feed?token=%3").arg(kPassword).arg(closedPort()).arg(kToken);
        QTest::newRow("bad scheme") << "http://u:" + kPassword + "@127.0.0.1/feed?token=" + kToken;
        QTest::newRow("insecure remote") << "ws://u:" + kPassword + "@example.org/feed?token=" + kToken;
    }
    void chatFeedErrors()
    {
        QFETCH(QString, url);
        const QString log = m_dir.filePath(QStringLiteral("chat-%1.jsonl").arg(++m_logs));
        const CliRun run =
            runCli({"--log-json", log, "chat", "watch", "--url", url, "--token-stdin", "--max-seconds", "5"},
                   kToken.toUtf8() + "\n", {}, 60000);
        QFile f(log);
        const QByteArray all = run.out + run.err + (f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
        QVERIFY2(run.exitCode != 0 && run.err.contains("error: "), all.constData());
        QVERIFY2(leaked(all).isEmpty(), all.constData());
    }
};

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secret_leaks.moc"

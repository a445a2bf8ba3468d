#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/telemetry/TelemetryRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

const QByteArray kWrongPassword = "Wr0ng-Pa55-zq81";

QByteArray decisionBody()
{
    return R"({"agent_id":"logged-agent","task_type":"t","decision":{},"confidence":0.75,"execution_time_ms":321})";
}

QProcessEnvironment envWith(const QString &key, const QString &value)
{
    QProcessEnvironment env;
    env.insert(key, value);
    return env;
}

QString withPassword(const QString &url, const QString &password)
{
    QUrl u(url);
    u.setPassword(password);
    return u.toString();
}

}  // namespace

class TestCliAccess : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    qint64 m_id = 0;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        const CliRun run = runCliOn(m_fresh, {"record"}, decisionBody());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_id = run.json().object().value("id").toInteger();
    }

    void wrongPasswordExits4AndIsNeverPrinted_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("environment") << "env";
        QTest::newRow("stdin") << "stdin";
        QTest::newRow("url") << "url";
    }
    void wrongPasswordExits4AndIsNeverPrinted()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        QFETCH(QString, source);
        const QString log = m_dir.filePath("auth-" + source + ".jsonl");
        QStringList args{"--log-json", log, "stats"};
        QProcessEnvironment env;
        QByteArray in;
        QString url = m_fresh.url;
        if (source == "env")
            env.insert("ATALAYA_DB_PASSWORD", QString::fromUtf8(kWrongPassword));
        else if (source == "stdin")
            args << "--password-stdin", in = kWrongPassword + "\n";
        else
            url = withPassword(url, QString::fromUtf8(kWrongPassword));
        const CliRun run = runCli(QStringList{"--db", url} + args, in, env);
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.out.isEmpty());
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QVERIFY2(lines.last().startsWith("error: ") && lines.last().contains("password"), run.err.constData());
        QVERIFY2(!run.err.contains(kWrongPassword), run.err.constData());
        QVERIFY(!run.err.contains(m_fresh.password.toUtf8()));
        QCOMPARE(lines.size(), source == "url" ? 2 : 1);  // the URL form adds one warning
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray logged = f.readAll();
        QVERIFY(!logged.contains(kWrongPassword));
    }

    void everyPasswordSourceWorks_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("environment") << "env";
        QTest::newRow("stdin") << "stdin";
        QTest::newRow("url") << "url";
    }
    void everyPasswordSourceWorks()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        QFETCH(QString, source);
        QStringList args{"stats"};
        QProcessEnvironment env;
        QByteArray in;
        QString url = m_fresh.url;
        if (source == "env")
            env.insert("ATALAYA_DB_PASSWORD", m_fresh.password);
        else if (source == "stdin")
            args << "--password-stdin", in = m_fresh.password.toUtf8() + "\n";
        else
            url = withPassword(url, m_fresh.password);
        const CliRun run = runCli(QStringList{"--db", url} + args, in, env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().object().value("accuracy").toObject().value("total_decisions").toInt(), 1);
        QCOMPARE(run.err.startsWith("warning: "), source == "url");
        QVERIFY(!run.err.contains(m_fresh.password.toUtf8()));
    }

    // The order of CLI.md: the first source given wins even when a later one holds the right
    // password, so each row passes only if that order is kept.
    void passwordSourcesInOrder_data()
    {
        QTest::addColumn<QString>("env");  // null: unset
        QTest::addColumn<QString>("stdinLine");  // null: no --password-stdin
        QTest::addColumn<QString>("inUrl");  // null: none in the URL
        QTest::addColumn<int>("exitCode");
        const QString right = QStringLiteral("right");
        const QString wrong = QString::fromUtf8(kWrongPassword);
        const QString none;
        QTest::newRow("env right, stdin wrong") << right << wrong << none << 0;
        QTest::newRow("env wrong, stdin right") << wrong << right << none << 4;
        QTest::newRow("stdin right, url wrong") << none << right << wrong << 0;
        QTest::newRow("stdin wrong, url right") << none << wrong << right << 4;
        QTest::newRow("env right, url wrong") << right << none << wrong << 0;
    }
    void passwordSourcesInOrder()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        QFETCH(QString, env);
        QFETCH(QString, stdinLine);
        QFETCH(QString, inUrl);
        QFETCH(int, exitCode);
        const auto actual = [&](const QString &p) { return p == QLatin1String("right") ? m_fresh.password : p; };
        QProcessEnvironment environment;
        QStringList args{"stats"};
        QByteArray in;
        QString url = m_fresh.url;
        if (!env.isNull())
            environment.insert("ATALAYA_DB_PASSWORD", actual(env));
        if (!stdinLine.isNull())
            args << "--password-stdin", in = actual(stdinLine).toUtf8() + "\n";
        if (!inUrl.isNull())
            url = withPassword(url, actual(inUrl));
        const CliRun run = runCli(QStringList{"--db", url} + args, in, environment);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QCOMPARE(run.err.startsWith("warning: "), !inUrl.isNull());
    }

    void passwordStdinLeavesTheRestForRecord()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        const QByteArray in = m_fresh.password.toUtf8() + "\n" + decisionBody();
        const CliRun run = runCli({"--db", m_fresh.url, "record", "--password-stdin"}, in);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().object().value("agent_id").toString(), QStringLiteral("logged-agent"));
        QVERIFY(run.json().object().value("id").toInteger() > m_id);
    }

    void noPasswordAnywhereExits4()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        // ATALAYA_SECRET_STORE=memory: an empty keychain, so nothing is found there either.
        const CliRun run = runCli({"--db", m_fresh.url, "stats"});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains("ATALAYA_DB_PASSWORD"), run.err.constData());
    }

    void requiredTlsRefusesAPlainSession_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("required") << "ssl-mode=required"
                                  << "not encrypted";
        QTest::newRow("verify-ca") << "ssl-mode=verify-ca&ssl-ca=" + QFINDTESTDATA("tst_cli_access.cpp")
                                   << "ssl-mode=verify-ca";
    }
    void requiredTlsRefusesAPlainSession()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        QFETCH(QString, query);
        QFETCH(QString, mentions);
        // The fixture's server has no TLS: the driver would silently fall back to plain text.
        const CliRun run =
            runCli({"--db", m_fresh.url + "?" + query, "stats"}, {}, envWith("ATALAYA_DB_PASSWORD", m_fresh.password));
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("error: ") && QString::fromUtf8(run.err).contains(mentions), run.err.constData());
        QVERIFY(!run.err.contains(m_fresh.password.toUtf8()));
    }

    void readOnlyUserReadsButCannotWrite()
    {
        ATALAYA_MARIADB_ONLY("database accounts and passwords exist on MariaDB only; the .mariadb run covers this");
        const QString roUrl = readOnlyUrl(m_fresh.url);
        const auto ro = envWith("ATALAYA_DB_PASSWORD", mariadbInfo().value("READONLY_PASSWORD"));
        const CliRun stats = runCli({"--db", roUrl, "stats"}, {}, ro);
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        QVERIFY(stats.json().object().value("accuracy").toObject().value("total_decisions").toInt() >= 1);
        const CliRun agents = runCli({"--db", roUrl, "agents"}, {}, ro);
        QVERIFY2(agents.exitCode == 0, agents.err.constData());

        const qint64 audits = scalar(*m_fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit");
        const CliRun feedback = runCli({"--db", roUrl, "feedback", QString::number(m_id), "correct"}, {}, ro);
        QCOMPARE(feedback.exitCode, 4);
        QVERIFY2(feedback.err.startsWith("error: ") && feedback.err.contains("privilege"), feedback.err.constData());
        QCOMPARE(scalar(*m_fresh.db, "SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NOT NULL"), qint64(0));
        QCOMPARE(scalar(*m_fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit"), audits);

        const qint64 rows = scalar(*m_fresh.db, "SELECT COUNT(*) FROM ai_telemetry");
        const CliRun record = runCli({"--db", roUrl, "record"}, decisionBody(), ro);
        QCOMPARE(record.exitCode, 4);
        QVERIFY2(record.err.contains("privilege"), record.err.constData());
        QCOMPARE(scalar(*m_fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), rows);

        const CliRun init = runCli({"--db", roUrl, "init"}, {}, ro);
        QCOMPARE(init.exitCode, 4);
        QVERIFY2(init.err.contains("privilege"), init.err.constData());
    }

    void logJsonLinesCarryIds()
    {
        const QString log = m_dir.filePath("record.jsonl");
        const CliRun run = runCliOn(m_fresh, {"--log-json", log, "record"}, decisionBody());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());  // info goes to the file, not the console
        const qint64 id = run.json().object().value("id").toInteger();
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        bool sawRecord = false;
        int lines = 0;
        for (const QByteArray &line : content.split('\n')) {
            if (line.isEmpty())
                continue;
            ++lines;
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            for (const char *key : {"timestamp", "level", "category", "message"})
                QVERIFY2(o.value(QLatin1String(key)).isString(), line.constData());
            QVERIFY(o.value("timestamp").toString().endsWith('Z'));
            if (o.value("telemetry_id").toInteger() == id) {
                sawRecord = true;
                QCOMPARE(o.value("category").toString(), QStringLiteral("atalaya.telemetry"));
                QCOMPARE(o.value("latency_ms").toDouble(), 321.0);
            }
        }
        QVERIFY(lines >= 1);
        QVERIFY2(sawRecord, content.constData());
        if (!m_fresh.password.isEmpty())
            QVERIFY(!content.contains(m_fresh.password.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliAccess)
#include "tst_cli_access.moc"

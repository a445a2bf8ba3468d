// The databases Atalaya meets in production and the errors it gives there: tables missing
// because `init` never ran, accounts that may not create tables or triggers, a lock held by
// another session, input over a column's size, and failures recorded in --log-json.
#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

QByteArray decisionBody(const QString &agent = QStringLiteral("agent-a"))
{
    QJsonObject o{{"agent_id", agent},
                  {"task_type", "t"},
                  {"decision", QJsonObject{}},
                  {"confidence", 0.5},
                  {"execution_time_ms", 120}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QProcessEnvironment passwordEnv(const QString &password)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), password);
    return env;
}

// The DBA's step: the script through the mariadb client as root.
bool applyAsRoot(const FreshDatabase &fresh, const QByteArray &script, QByteArray *errors)
{
    QProcess client;
    client.start(QStringLiteral("mariadb"),
                 {QStringLiteral("--no-defaults"),
                  QStringLiteral("--socket=") + mariadbInfo().value(QStringLiteral("SOCKET")), QStringLiteral("-uroot"),
                  databaseName(fresh)});
    if (!client.waitForStarted())
        return false;
    client.write(script);
    client.closeWriteChannel();
    client.waitForFinished(60000);
    *errors = client.readAllStandardError();
    return client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0;
}

void verifyOneErrorLine(const CliRun &run)
{
    QVERIFY2(run.err.startsWith("error: "), run.err.constData());
    QCOMPARE(run.err.trimmed().count('\n'), 0);
    QVERIFY(run.out.isEmpty());
}

}  // namespace

class TestCliErrors : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_users = 0;

    QString newUser() { return QStringLiteral("u%1_%2").arg(QCoreApplication::applicationPid()).arg(++m_users); }

private slots:
    void missingTablesSayRunInit_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("feedback, seed tables only") << "seed" << QStringList{"feedback", "1", "correct"};
        QTest::newRow("stats, empty database") << "empty" << QStringList{"stats"};
        QTest::newRow("queue, empty database") << "empty" << QStringList{"queue"};
        QTest::newRow("agents, empty database") << "empty" << QStringList{"agents"};
        QTest::newRow("feedback, empty database") << "empty" << QStringList{"feedback", "1", "correct"};
        QTest::newRow("record, empty database") << "empty" << QStringList{"record"};
    }
    void missingTablesSayRunInit()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, args);
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        if (setup == "seed")
            QVERIFY(createSeedTables(*fresh.db));
        const CliRun run = runCliOn(fresh, args, args.first() == "record" ? decisionBody() : QByteArray());
        QCOMPARE(run.exitCode, 4);
        verifyOneErrorLine(run);
        QVERIFY2(run.err.contains("does not exist") && run.err.contains("`atalaya-cli init`"), run.err.constData());
        QVERIFY2(!run.err.contains("QMYSQL") && !run.err.contains("Unable to"), run.err.constData());
    }

    void seedTablesOnlyStillReadAndInitHeals()
    {
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        const CliRun stats = runCliOn(fresh, {"stats"});
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        QCOMPARE(stats.json().object().value("accuracy").toObject().value("total_decisions").toInt(), 12);
        const CliRun queue = runCliOn(fresh, {"queue"});
        QVERIFY2(queue.exitCode == 0, queue.err.constData());
        QVERIFY(!queue.json().object().value("items").toArray().isEmpty());

        const CliRun init = runCliOn(fresh, {"init"});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        const CliRun feedback = runCliOn(fresh, {"feedback", "3", "correct"});
        QVERIFY2(feedback.exitCode == 0, feedback.err.constData());
    }

    void uninitialisedSqliteFileSaysRunInit()
    {
        const QString path = m_dir.filePath("never-initialised.db");
        const CliRun run = runCli({"--db", "sqlite:" + path, "stats"});
        QCOMPARE(run.exitCode, 4);
        verifyOneErrorLine(run);
        QVERIFY2(run.err.contains("ai_telemetry") && run.err.contains("`atalaya-cli init`"), run.err.constData());
    }

    void emptyDbOptionIsAUsageError()
    {
        // The embedded default lives in XDG_DATA_HOME: a fresh one shows whether it was made.
        const QString home = m_dir.filePath("xdg-empty-db");
        QProcessEnvironment env;
        env.insert("XDG_DATA_HOME", home);
        env.insert("ATALAYA_DB", "");
        for (const QStringList &args :
             {QStringList{"--db", "", "stats"}, QStringList{"stats", "--db", " "}, QStringList{"--db", "", "init"}}) {
            const CliRun run = runCli(args, {}, env);
            QCOMPARE(run.exitCode, 2);
            verifyOneErrorLine(run);
            QVERIFY2(run.err.contains("--db is empty"), run.err.constData());
        }
        QVERIFY2(!QFileInfo::exists(home + "/Atalaya/atalaya/atalaya.db") && !QFileInfo::exists(home + "/atalaya"),
                 qPrintable(home));
    }

    void reviewerAndNoteAreCheckedBeforeWriting_data()
    {
        QTest::addColumn<QString>("reviewer");
        QTest::addColumn<QString>("note");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("names");
        const QString emoji = QString::fromUtf8("🦉");
        QTest::newRow("reviewer 100 chars") << QString(100, 'r') << QString() << 0 << QString();
        QTest::newRow("reviewer 100 emoji") << emoji.repeated(100) << QString() << 0 << QString();
        QTest::newRow("reviewer 101 chars") << QString(101, 'r') << QString() << 2 << "--reviewer has 101 characters";
        QTest::newRow("reviewer 5000 chars") << QString(5000, 'r') << QString() << 2 << "at most 100";
        QTest::newRow("note 65535 bytes") << "ana" << QString(65535, 'n') << 0 << QString();
        QTest::newRow("note 65536 bytes") << "ana" << QString(65536, 'n') << 2 << "--note is 65536 bytes";
        QTest::newRow("note 20000 emoji") << "ana" << emoji.repeated(20000) << 2 << "--note is 80000 bytes";
    }
    void reviewerAndNoteAreCheckedBeforeWriting()
    {
        QFETCH(QString, reviewer);
        QFETCH(QString, note);
        QFETCH(int, exitCode);
        QFETCH(QString, names);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const CliRun record = runCliOn(fresh, {"record"}, decisionBody());
        QVERIFY2(record.exitCode == 0, record.err.constData());
        const QString id = QString::number(record.json().object().value("id").toInteger());
        QStringList args{"feedback", id, "correct", "--reviewer", reviewer};
        if (!note.isEmpty())
            args << "--note" << note;
        const CliRun run = runCliOn(fresh, args);
        QCOMPARE(run.exitCode, exitCode);
        const qint64 audits = scalar(*fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit");
        if (exitCode != 0) {
            verifyOneErrorLine(run);
            QVERIFY2(QString::fromUtf8(run.err).contains(names), run.err.constData());
            QCOMPARE(audits, qint64(0));
            QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NOT NULL"),
                     qint64(0));
            return;
        }
        QCOMPARE(audits, qint64(1));
        auto stored = execQuery(*fresh.db, "SELECT reviewer, note FROM atalaya_feedback_audit", {}, "audit");
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->value(0).toString(), reviewer);
        QCOMPARE(stored->value(1).toString(), note);
    }

    void agentIdsAreCountedInCharacters()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QString owls = QString::fromUtf8("🦉").repeated(100);
        const CliRun ok = runCliOn(fresh, {"record"}, decisionBody(owls));
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QCOMPARE(ok.json().object().value("agent_id").toString(), owls);
        auto stored = execQuery(*fresh.db, "SELECT agent_id FROM ai_telemetry", {}, "agent");
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->value(0).toString(), owls);

        const CliRun tooLong = runCliOn(fresh, {"record"}, decisionBody(owls + QStringLiteral("x")));
        QCOMPARE(tooLong.exitCode, 2);
        QVERIFY2(tooLong.err.contains("has 101 characters"), tooLong.err.constData());

        // A lone surrogate as a JSON escape: refused, never stored as '?'.
        const CliRun lone =
            runCliOn(fresh, {"record"},
                     R"({"agent_id":"a\ud800b","task_type":"t","decision":{},"confidence":0.5,"execution_time_ms":1})");
        QCOMPARE(lone.exitCode, 2);
        verifyOneErrorLine(lone);
        QVERIFY2(lone.err.contains("'agent_id'") && lone.err.contains("not valid Unicode"), lone.err.constData());
        const CliRun loneTask =
            runCliOn(fresh, {"record"},
                     R"({"agent_id":"a","task_type":"\udc00","decision":{},"confidence":0.5,"execution_time_ms":1})");
        QCOMPARE(loneTask.exitCode, 2);
        QVERIFY2(loneTask.err.contains("'task_type'"), loneTask.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(1));
    }

    void logJsonRecordsEveryFailure_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("not found") << QStringList{"feedback", "987654", "correct"} << 3;
        QTest::newRow("bad value") << QStringList{"feedback", "1", "maybe"} << 2;
        QTest::newRow("reviewer too long")
            << QStringList{"feedback", "1", "correct", "--reviewer", QString(101, 'r')} << 2;
        QTest::newRow("bad days") << QStringList{"stats", "--days", "0"} << 2;
    }
    void logJsonRecordsEveryFailure()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QString log = m_dir.filePath(QStringLiteral("fail-%1.jsonl").arg(QLatin1String(QTest::currentDataTag())));
        const CliRun run = runCliOn(fresh, QStringList{"--log-json", log} + args);
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.err.count("error: "), 1);  // logged, not printed twice
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool logged = false;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value("exit_code").toInt() != exitCode)
                continue;
            logged = o.value("level") == "error" && o.value("command") == args.first()
                && run.err.contains(o.value("message").toString().toUtf8());
        }
        QVERIFY2(logged, qPrintable(log));
    }

    void lockHeldElsewhereSaysLockNotServer_data()
    {
        QTest::addColumn<QString>("lock");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("row lock, feedback") << "row" << QStringList{"feedback", "1", "correct"};
        QTest::newRow("table lock, feedback") << "table" << QStringList{"feedback", "1", "correct"};
        QTest::newRow("table lock, queue") << "table" << QStringList{"queue"};
    }
    void lockHeldElsewhereSaysLockNotServer()
    {
        ATALAYA_MARIADB_ONLY("row and table locks of another session are a server's; SQLite's busy file is "
                             "covered by its busy timeout");
        QFETCH(QString, lock);
        QFETCH(QStringList, args);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const CliRun record = runCliOn(fresh, {"record"}, decisionBody());
        QVERIFY2(record.exitCode == 0, record.err.constData());
        QSqlDatabase other = fresh.db->connection();
        QSqlQuery q(other);
        if (lock == "row") {
            QVERIFY(other.transaction());
            QVERIFY2(q.exec("SELECT id FROM ai_telemetry WHERE id = 1 FOR UPDATE"), qPrintable(q.lastError().text()));
        } else {
            QVERIFY2(q.exec("LOCK TABLES ai_telemetry WRITE"), qPrintable(q.lastError().text()));
        }
        QElapsedTimer clock;
        clock.start();
        const CliRun run = runCliOn(fresh, QStringList{"--timeout", "2"} + args);
        const qint64 waited = clock.elapsed();
        if (lock == "row")
            other.rollback();
        else
            q.exec("UNLOCK TABLES");
        QCOMPARE(run.exitCode, 4);
        verifyOneErrorLine(run);
        QVERIFY2(run.err.contains("lock") && run.err.contains("more than 2 s") && run.err.contains("--timeout"),
                 run.err.constData());
        QVERIFY2(!run.err.contains("server is running"), run.err.constData());
        QVERIFY2(waited >= 2000 && waited < 15000, qPrintable(QString::number(waited)));

        // The lock gone, the same command goes through.
        const CliRun again = runCliOn(fresh, QStringList{"--timeout", "2"} + args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
    }

    void timeoutIsValidated()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const CliRun run = runCliOn(fresh, {"--timeout", "0", "stats"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--timeout is '0'"), run.err.constData());
    }

    void readOnlyAccountOnSeedTablesReadsAndRefusesFeedback()
    {
        ATALAYA_MARIADB_ONLY("database accounts exist on MariaDB only");
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        const QString password = QStringLiteral("ro-pw-1");
        const QString url = accountWith(fresh, newUser(), "SELECT", password);
        QVERIFY(!url.isEmpty());
        const auto env = passwordEnv(password);
        for (const QString &command : {QStringLiteral("stats"), QStringLiteral("queue"), QStringLiteral("agents")}) {
            const CliRun run = runCli({"--db", url, command}, {}, env);
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        const CliRun feedback = runCli({"--db", url, "feedback", "1", "correct"}, {}, env);
        QCOMPARE(feedback.exitCode, 4);
        verifyOneErrorLine(feedback);
        const CliRun init = runCli({"--db", url, "init"}, {}, env);
        QCOMPARE(init.exitCode, 4);
        QVERIFY2(init.err.contains("CREATE command denied") && init.err.contains("--print-sql"), init.err.constData());
    }

    void accountWithoutTriggerIsToldTheConsequence()
    {
        ATALAYA_MARIADB_ONLY("database accounts exist on MariaDB only");
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        const QString password = QStringLiteral("nt-pw-1");
        const QString url =
            accountWith(fresh, newUser(), "SELECT, INSERT, UPDATE, DELETE, CREATE, INDEX, ALTER, DROP", password);
        QVERIFY(!url.isEmpty());
        const CliRun init = runCli({"--db", url, "init"}, {}, passwordEnv(password));
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QCOMPARE(init.json().object().value("rollups").toString(), QStringLiteral("no_triggers"));
        QVERIFY2(init.err.startsWith("warning: ") && init.err.contains("TRIGGER privilege")
                     && init.err.contains("exact") && init.err.contains("slow on large tables"),
                 init.err.constData());
        QCOMPARE(init.json().object().value("audit_log").toString(), QStringLiteral("no_triggers"));
        QVERIFY2(init.err.contains("the audit log is not protected by the database") && init.err.count("warning: ") == 2,
                 init.err.constData());
        const CliRun stats = runCli({"--db", url, "stats"}, {}, passwordEnv(password));
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        QCOMPARE(stats.json().object().value("accuracy").toObject().value("total_decisions").toInt(), 12);
    }

    // The account may write rows only: init names CREATE and points at --print-sql; a DBA
    // applies that SQL as root; the same account then initialises, reviews and reads.
    void printedSqlLetsARowsOnlyAccountWork()
    {
        ATALAYA_MARIADB_ONLY("database accounts exist on MariaDB only");
        auto fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        QVERIFY(createSeedTables(*fresh.db));
        const QString password = QStringLiteral("rw-pw-1");
        const QString url = accountWith(fresh, newUser(), "SELECT, INSERT, UPDATE, DELETE", password);
        QVERIFY(!url.isEmpty());
        const auto env = passwordEnv(password);

        const CliRun refused = runCli({"--db", url, "init"}, {}, env);
        QCOMPARE(refused.exitCode, 4);
        verifyOneErrorLine(refused);
        QVERIFY2(refused.err.contains("CREATE command denied") && refused.err.contains("init --print-sql"),
                 refused.err.constData());

        const CliRun printed = runCli({"--db", url, "init", "--print-sql"}, {}, env);
        QVERIFY2(printed.exitCode == 0, printed.err.constData());
        for (const char *part : {"CREATE TABLE IF NOT EXISTS atalaya_schema_version", "atalaya_feedback_audit",
                                 "INSERT INTO atalaya_schema_version", "CREATE TRIGGER", "DELIMITER $$"})
            QVERIFY2(printed.out.contains(part), part);
        QVERIFY(!printed.out.contains("CREATE TABLE ai_telemetry"));  // theirs exists already
        // Printing changed nothing.
        QVERIFY(!fresh.db->connection().tables().contains("atalaya_schema_version"));

        QByteArray errors;
        QVERIFY2(applyAsRoot(fresh, printed.out, &errors), errors.constData());

        const CliRun init = runCli({"--db", url, "init"}, {}, env);
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QVERIFY2(init.err.isEmpty(), init.err.constData());
        QCOMPARE(init.json().object().value("rollups").toString(), QStringLiteral("ready"));
        QCOMPARE(init.json().object().value("queue_counts").toString(), QStringLiteral("ready"));
        QCOMPARE(init.json().object().value("migrated").toArray().size(), 0);
        const CliRun nothingLeft = runCli({"--db", url, "init", "--print-sql"}, {}, env);
        QVERIFY2(nothingLeft.exitCode == 0, nothingLeft.err.constData());
        QVERIFY2(!nothingLeft.out.contains("CREATE TRIGGER") && !nothingLeft.out.contains("INSERT INTO"),
                 nothingLeft.out.constData());

        QCOMPARE(init.json().object().value("audit_log").toString(), QStringLiteral("append_only"));
        const CliRun feedback = runCli({"--db", url, "feedback", "2", "incorrect"}, {}, env);
        QVERIFY2(feedback.exitCode == 0, feedback.err.constData());
        const CliRun verify = runCli({"--db", url, "audit", "verify"}, {}, env);
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QCOMPARE(verify.json().object().value("chained").toInteger(), 1);
        const CliRun record = runCli({"--db", url, "record"}, decisionBody(), env);
        QVERIFY2(record.exitCode == 0, record.err.constData());
        const CliRun stats = runCli({"--db", url, "stats"}, {}, env);
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        const QJsonObject accuracy = stats.json().object().value("accuracy").toObject();
        QCOMPARE(accuracy.value("total_decisions").toInt(), 13);
        QCOMPARE(accuracy.value("incorrect_count").toInt(), 1);
        const CliRun queue = runCli({"--db", url, "queue", "--include-p3-all"}, {}, env);
        QVERIFY2(queue.exitCode == 0, queue.err.constData());
        qint64 pending = 0;
        const QJsonObject counts = queue.json().object().value("counts").toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            pending += it.value().toInteger();
        QCOMPARE(pending, scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NULL"));
    }
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"

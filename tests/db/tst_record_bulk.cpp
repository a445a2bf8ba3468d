// record --jsonl through the MySQL bulk path (DecisionLoader: LOAD DATA LOCAL from memory) and
// its fallback to INSERTs, on the real fixture server: ids, the refusal, and data errors that
// must read exactly as the INSERT path reports them.
#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace atalaya;
using namespace atalaya::test;

namespace {

QByteArray line(const QString &agent, int ms)
{
    return QJsonDocument(QJsonObject{{"agent_id", agent},
                                     {"task_type", "code_review"},
                                     {"decision", QJsonObject{{"action", "approve"}}},
                                     {"confidence", 0.5 + (ms % 50) / 100.0},
                                     {"execution_time_ms", ms}})
               .toJson(QJsonDocument::Compact)
        + '\n';
}

// The server refuses LOAD DATA LOCAL while this lives (other tests on the fixture then take
// the INSERT path, which is just as correct).
class LocalInfileOff {
public:
    explicit LocalInfileOff(const Database &db) : m_db(db)
    {
        m_ok = execStatement(db, QStringLiteral("SET GLOBAL local_infile = 0"), {}, "refusing LOAD DATA LOCAL").ok();
    }
    ~LocalInfileOff()
    {
        execStatement(m_db, QStringLiteral("SET GLOBAL local_infile = 1"), {}, "allowing LOAD DATA LOCAL");
    }
    bool ok() const { return m_ok; }

private:
    const Database &m_db;
    bool m_ok = false;
};

}  // namespace

class TestRecordBulk : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content) { return test::writeFile(m_dir, name, content); }

    // n lines of agents r1…rn; `expected` gets them in file order.
    QString rowsFile(int n, QStringList &expected)
    {
        QByteArray content;
        for (int i = 1; i <= n; ++i) {
            expected << QStringLiteral("r%1").arg(i);
            content += line(expected.last(), i);
        }
        return writeFile(QStringLiteral("rows-%1.jsonl").arg(n), content);
    }

private slots:
    // Several LOAD statements (50 000 rows at most) and INSERT statements (2 000): docs/CLI.md's
    // ids, consecutive in file order when no one else inserts, although LOAD DATA leaves gaps.
    void idsAreConsecutiveAcrossStatements()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QStringList expected;
        // SQLite's 500-row INSERTs make several statements sooner; its per-row triggers are slow.
        const int n = currentBackend() == TestBackend::MariaDB ? 123456 : 23456;
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", rowsFile(n, expected)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("inserted").toInteger(), qint64(n));
        const qint64 first = out.value("first_id").toInteger();
        QCOMPARE(out.value("last_id").toInteger(), first + n - 1);
        QCOMPARE(scalar(*fresh.db, "SELECT MAX(id) - MIN(id) + 1 FROM ai_telemetry"), qint64(n));
        QCOMPARE(test::agentsInIdOrder(*fresh.db), expected);
        QCOMPARE(scalar(*fresh.db, "SELECT SUM(execution_time_ms) FROM ai_telemetry"), qint64(n) * (n + 1) / 2);
    }

    // Rows stream into a LOAD statement while they are parsed; when the input stalls (a slow
    // producer on stdin) the statement must end, not keep the table's AUTO-INC lock (every
    // other writer would wait) or run into the server's read timeout.
    void stalledInputReleasesTheTable_data()
    {
        QTest::addColumn<bool>("viaFifo");
        QTest::newRow("stdin") << false;
        QTest::newRow("named pipe") << true;
    }

    void stalledInputReleasesTheTable()
    {
        ATALAYA_MARIADB_ONLY("LOAD DATA LOCAL is the MySQL path");
        QFETCH(bool, viaFifo);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QStringList expected;
        QByteArray first;
        QByteArray rest;
        for (int i = 1; i <= 6000; ++i) {
            expected << QStringLiteral("r%1").arg(i);
            (i <= 3000 ? first : rest) += line(expected.last(), i);
        }
        const QString fifo = m_dir.filePath(QStringLiteral("stalled.fifo"));
        QFile::remove(fifo);
        QVERIFY(!viaFifo || ::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), fresh.password);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("ATALAYA_CLI"),
                  {"--db", fresh.url, "record", "--jsonl", viaFifo ? fifo : QStringLiteral("-")});
        QVERIFY(cli.waitForStarted());
        QFile pipe(fifo);
        auto feed = [&](const QByteArray &bytes) {
            if (!viaFifo) {
                cli.write(bytes);
                while (cli.bytesToWrite() > 0)
                    QVERIFY(cli.waitForBytesWritten(30000));
                return;
            }
            QCOMPARE(pipe.write(bytes), bytes.size());
        };
        if (viaFifo) {
            // Its reader is the CLI: without one a non-blocking open fails, so a CLI that
            // failed before opening the FIFO ends the test instead of hanging it.
            int fd = -1;
            const bool opened = QTest::qWaitFor(
                [&] {
                    fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
                    return fd >= 0 || cli.state() == QProcess::NotRunning;
                },
                30000);
            QVERIFY2(opened && fd >= 0, cli.readAllStandardError().constData());
            QVERIFY(::fcntl(fd, F_SETFL, 0) == 0);  // blocking writes from here on
            QVERIFY(pipe.open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle));
        }
        feed(first);
        // The run's transaction holds rows, and its connection is idle: the statement ended.
        const QString idleWithRows = QStringLiteral(
            "SELECT COUNT(*) FROM information_schema.INNODB_TRX t"
            " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
            " WHERE p.ID <> CONNECTION_ID() AND p.DB = DATABASE() AND p.COMMAND = 'Sleep' AND t.trx_rows_modified > 0");
        // InnoDB refreshes its INNODB_TRX copy only when nobody read it for 0.1 s
        // (CACHE_MIN_IDLE_TIME_US): polled back to back, the view never changes.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         QTest::qWait(250);
                         return scalar(*fresh.db, idleWithRows) == 1;
                     },
                     30000),
                 "the run never went idle between its input's two parts");
        QVERIFY(
            execStatement(*fresh.db, QStringLiteral("SET SESSION innodb_lock_wait_timeout = 5"), {}, "timeout").ok());
        QElapsedTimer outsider;
        outsider.start();
        QVERIFY(execStatement(
                    *fresh.db,
                    QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score,"
                                   " execution_time_ms, metadata, created_at) VALUES ('outsider', 'code_review', '{}',"
                                   " 0.5, 1, '{}', UTC_TIMESTAMP(6))"),
                    {}, "another writer")
                    .ok());
        QVERIFY2(outsider.elapsed() < 4000, "another writer waited for the stalled run");
        feed(rest);
        if (viaFifo)
            pipe.close();
        else
            cli.closeWriteChannel();
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QStringList agents = test::agentsInIdOrder(*fresh.db);
        const qsizetype outsiderAt = agents.indexOf(QStringLiteral("outsider"));
        QVERIFY2(outsiderAt > 0 && outsiderAt < agents.size() - 1, "the other writer's row lies inside the run");
        agents.removeAt(outsiderAt);
        QCOMPARE(agents, expected);
        QCOMPARE(scalar(*fresh.db, "SELECT SUM(n) FROM atalaya_rollup_hour"), qint64(6001));
    }

    void refusedLoadDataFallsBackToInserts()
    {
        ATALAYA_MARIADB_ONLY("LOAD DATA LOCAL is the MySQL path");
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        LocalInfileOff off(*fresh.db);
        QVERIFY(off.ok());
        QStringList expected;
        const int n = 12345;
        const QString log = m_dir.filePath("refused.log.json");
        const CliRun run = runCliOn(fresh, {"--log-json", log, "record", "--jsonl", rowsFile(n, expected)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("last_id").toInteger() - out.value("first_id").toInteger(), qint64(n - 1));
        QCOMPARE(test::agentsInIdOrder(*fresh.db), expected);
        QCOMPARE(scalar(*fresh.db, "SELECT SUM(n) FROM atalaya_rollup_hour"), qint64(n));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll().contains("LOAD DATA LOCAL not used"), "the fallback's reason is logged");
    }

    // A row the server refuses (here a test trigger; in life e.g. a constraint added by a DBA):
    // LOCAL makes it a warning, the loader undoes its statement and the INSERTs report the
    // error exactly as without LOAD DATA, and nothing stays.
    void serverRefusedRowReadsAsWithInserts()
    {
        ATALAYA_MARIADB_ONLY("LOAD DATA LOCAL is the MySQL path");
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QSqlQuery trigger(fresh.db->connection());
        QVERIFY2(trigger.exec(QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON ai_telemetry FOR EACH ROW"
                                             " IF NEW.agent_id = 'r15000' THEN SIGNAL SQLSTATE '45000' SET "
                                             "MESSAGE_TEXT = 'refused by a test trigger'; END IF")),
                 qPrintable(trigger.lastError().text()));
        QStringList expected;
        const QString file = rowsFile(20000, expected);
        const CliRun loaded = runCliOn(fresh, {"record", "--jsonl", file});
        QVERIFY(loaded.exitCode != 0);
        QVERIFY2(loaded.err.contains("14001") && loaded.err.contains("refused by a test trigger"),
                 loaded.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM atalaya_rollup_hour"), qint64(0));
        LocalInfileOff off(*fresh.db);
        QVERIFY(off.ok());
        const CliRun inserted = runCliOn(fresh, {"record", "--jsonl", file});
        QCOMPARE(loaded.exitCode, inserted.exitCode);
        QCOMPARE(loaded.err, inserted.err);
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRecordBulk)
#include "tst_record_bulk.moc"

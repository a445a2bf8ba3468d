#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/rollup/RollupSchema.h"
#include "core/storage/SqlUtil.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace atalaya;

// `atalaya-cli init --rebuild-rollups` killed (SIGKILL) in the middle of its read of a table of
// ~460 000 rows, then run again: the second run goes on from where the first stopped (its progress
// starts past the first's last id) and the rollups then hold every row once.
class TestInitKilled : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        return test::scalar(*m_fresh.db, sql, values);
    }

    // The last id a progress line of the rollup read names ("rollup counters: 40 % (id 123 of
    // 456)"), -1 without one.
    static qint64 lastProgressId(const QByteArray &err, qint64 *first = nullptr, qint64 *cut = nullptr)
    {
        static const QRegularExpression line(QStringLiteral("rollup counters: \\d+ % \\(id (\\d+) of (\\d+)\\)"));
        qint64 last = -1;
        for (auto it = line.globalMatch(QString::fromUtf8(err)); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            last = m.captured(1).toLongLong();
            if (first && *first < 0)
                *first = last;
            if (cut)
                *cut = m.captured(2).toLongLong();
        }
        return last;
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase(false);
        QVERIFY2(m_fresh.db, "no test database");
        QVERIFY(test::createSeedTables(*m_fresh.db));
        const Database &db = *m_fresh.db;
        QVERIFY(execStatement(db,
                              QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                             " confidence_score, human_feedback, accuracy, execution_time_ms, metadata,"
                                             " created_at) VALUES ('alpha', 'triage', '{}', 0.8, NULL, NULL, 120,"
                                             " '{\"model_version\": \"v1\"}', '2026-11-01 10:00:00'),"
                                             " ('beta', 'deploy', '{}', 0.6, 'correct', 1, 340, '{}',"
                                             " '2026-11-02 11:30:00')"),
                              {}, "seed rows")
                    .ok());
        const qint64 seeded = scalar(QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"));
        // Each doubling moves the copies by a different number of hours, so the rows spread
        // over many hour rows.
        for (int i = 0; i < 16; ++i) {
            const QString later = db.dialect().isMySql()
                ? QStringLiteral("DATE_ADD(created_at, INTERVAL %1 HOUR)").arg(i * 7 + 1)
                : QStringLiteral("datetime(created_at, '+%1 hours')").arg(i * 7 + 1);
            QVERIFY(execStatement(db,
                                  QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                                 " confidence_score, human_feedback, accuracy, execution_time_ms,"
                                                 " metadata, created_at) SELECT agent_id, task_type, decision_made,"
                                                 " confidence_score, human_feedback, accuracy, execution_time_ms + %1,"
                                                 " metadata, %2 FROM ai_telemetry")
                                      .arg(i)
                                      .arg(later),
                                  {}, "doubling the rows")
                        .ok());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM ai_telemetry")), seeded << 16);
        const test::CliRun init = test::runCliOn(m_fresh, {QStringLiteral("init")});
        QVERIFY2(init.exitCode == 0, init.err.constData());
    }

    void killedBuildGoesOn()
    {
        QProcess build;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
        build.setProcessEnvironment(env);
        build.start(qEnvironmentVariable("ATALAYA_CLI"),
                    {QStringLiteral("--db"), m_fresh.url, QStringLiteral("init"), QStringLiteral("--rebuild-rollups")});
        QVERIFY(build.waitForStarted());
        QByteArray err;
        // Killed as soon as it says it has read part of the table.
        while (lastProgressId(err) < 0 && build.state() == QProcess::Running) {
            build.waitForReadyRead(100);
            err += build.readAllStandardError();
        }
        build.kill();
        build.waitForFinished();
        QVERIFY2(build.exitStatus() == QProcess::CrashExit, "the build had finished before it was killed");
        const qint64 cut = scalar(QStringLiteral("SELECT value FROM atalaya_rollup_state WHERE name = 'build_cut'"));
        const qint64 done = scalar(QStringLiteral("SELECT value FROM atalaya_rollup_state WHERE name = 'build_done'"));
        QVERIFY2(done > 0 && done < cut, qPrintable(QStringLiteral("done %1 of %2").arg(done).arg(cut)));
        QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM atalaya_build_journal WHERE part = 'rollups'")) > 0);
        QCOMPARE(scalar(QStringLiteral("SELECT value FROM atalaya_rollup_state WHERE name = 'ready'")), qint64(0));

        // Another application's row meanwhile: a build that started over would take a new cut.
        QVERIFY(execStatement(*m_fresh.db,
                              QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                             " confidence_score, execution_time_ms, metadata, created_at) VALUES"
                                             " ('gamma', 'triage', '{}', 0.9, 80, '{}', '2026-11-03 09:00:00')"),
                              {}, "another application's row")
                    .ok());

        const test::CliRun again =
            test::runCliOn(m_fresh, {QStringLiteral("init"), QStringLiteral("--rebuild-rollups")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        qint64 firstId = -1;
        qint64 cutAgain = -1;
        lastProgressId(again.err, &firstId, &cutAgain);
        QCOMPARE(cutAgain, cut);
        QVERIFY2(
            firstId > done,
            qPrintable(QStringLiteral("went on from id %1, the first run had read up to %2").arg(firstId).arg(done)));
        QCOMPARE(scalar(QStringLiteral("SELECT value FROM atalaya_rollup_state WHERE name = 'ready'")), qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM atalaya_build_journal")), qint64(0));
        const qint64 rows = scalar(QStringLiteral("SELECT COUNT(*) FROM ai_telemetry"));
        for (rollup::Level level : {rollup::Level::Hour, rollup::Level::Day}) {
            QCOMPARE(scalar(QStringLiteral("SELECT SUM(n) + SUM(dq_excluded) FROM %1").arg(rollup::tableOf(level))),
                     rows);
            QCOMPARE(scalar(QStringLiteral("SELECT SUM(exec_sum) FROM %1").arg(rollup::tableOf(level))),
                     scalar(QStringLiteral("SELECT SUM(execution_time_ms) FROM ai_telemetry")));
            QCOMPARE(scalar(QStringLiteral("SELECT SUM(n_correct) FROM %1").arg(rollup::tableOf(level))),
                     scalar(QStringLiteral("SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback = 'correct'")));
        }
    }
};

QTEST_GUILESS_MAIN(TestInitKilled)
#include "tst_init_killed.moc"

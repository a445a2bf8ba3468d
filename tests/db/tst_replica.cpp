#include "tests/support/CliRunner.h"
#include "tests/support/ReplicaPair.h"
#include "tests/support/RollupCompare.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/aggregates/StatsQuery.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/queue/ReviewQueue.h"
#include "core/session/ReplicaLagWatcher.h"
#include "core/stats/StatsService.h"
#include "core/storage/ReplicaLag.h"
#include "core/storage/ReplicaRoute.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QThread>
#include <QtConcurrent>

#include <csignal>

#include <algorithm>
#include <QtTest>

using namespace atalaya;

// Reads from a replica, writes to the primary (docs/DEPLOYMENTS.md §Primary + replicas), on a
// real MariaDB primary + replica pair with row-based replication.
class TestReplica : public QObject {
    Q_OBJECT
private:
    test::ReplicaPair m_pair;
    std::shared_ptr<Database> m_db;  // primary with the replica attached
    std::shared_ptr<Database> m_primary;  // the primary alone
    std::shared_ptr<Database> m_replica;  // the replica alone

    void addDecisions(int count, int seed)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        std::vector<DecisionInput> batch;
        for (int i = 0; i < count; ++i) {
            const int k = seed + i;
            std::optional<Feedback> feedback;
            if (k % 5 == 0)
                feedback = k % 10 == 0 ? Feedback::Incorrect : Feedback::Correct;
            batch.push_back(test::makeDecision(QStringLiteral("agent-%1").arg(k % 3),
                                               k % 2 ? QStringLiteral("chat_response") : QStringLiteral("triage"),
                                               0.30 + (k % 70) / 100.0, 40 + k % 900, feedback,
                                               now.addSecs(-60 * (k % 4000) - 30)));
        }
        auto done = DecisionRecorder(m_db).recordBatch(batch);
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    }

    static QMap<QString, QString> checksums(const Database &db)
    {
        QMap<QString, QString> sums;
        for (const QString &table : tableNames(db)) {
            auto q = execQuery(db, QStringLiteral("CHECKSUM TABLE `%1`").arg(table), {}, QStringLiteral("checksum"));
            if (q && q->next())
                sums.insert(table, q->value(1).toString());
        }
        return sums;
    }

    static QueueCounts counts(const std::shared_ptr<Database> &db)
    {
        auto c = ReviewQueue(db, ReviewRules::defaults()).counts(QueueFilter{}, QDateTime::currentDateTimeUtc());
        return c ? *c : QueueCounts{};
    }

private slots:
    void initTestCase()
    {
        m_pair = test::ReplicaPair::create();
        QVERIFY2(!m_pair.name.isEmpty(), "no primary + replica pair");
        m_db = m_pair.openPair();
        QVERIFY(m_db);
        QVERIFY(m_db->replica());
        m_primary = m_pair.openPrimary();
        m_replica = m_pair.openReplica();
        QVERIFY(m_primary && m_replica);
    }

    void cleanup()
    {
        // A failed check must not leave the replica stopped for the next one.
        m_pair.startApplying();
    }

    void replicationIsRowBasedWithoutTriggersOnTheReplica()
    {
        auto problems = replicationProblems(*m_db);
        QVERIFY(problems);
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
        QCOMPARE(test::scalar(*m_replica, QStringLiteral("SELECT @@read_only")), qint64(1));
    }

    // The primary's triggers keep rollups and queue counts; their rows reach the replica as rows.
    void replicaFiguresEqualThePrimarys()
    {
        addDecisions(400, 0);
        auto pending = ReviewQueue(m_primary, ReviewRules::defaults()).items(QueueFilter{});
        QVERIFY(pending && pending->size() >= 10);
        for (int i = 0; i < 10; ++i) {
            FeedbackRequest verdict;
            verdict.telemetryId = (*pending)[size_t(i)].id;
            verdict.value = i % 3 ? Feedback::Correct : Feedback::Incorrect;
            verdict.reviewer = QStringLiteral("ana");
            QVERIFY(FeedbackRepository(m_db).record(verdict));
        }
        addDecisions(150, 1000);
        QVERIFY(m_pair.waitForReplica());

        const auto onPrimary = checksums(*m_primary);
        QVERIFY(onPrimary.contains(QStringLiteral("ai_telemetry")));
        QVERIFY(onPrimary.size() >= 6);
        QCOMPARE(checksums(*m_replica), onPrimary);

        const StatsQuery week = *StatsQuery::lastDays(7);
        auto fromReplica = StatsService(m_replica).summary(week);
        auto fromPrimaryRaw = StatsService(m_primary, false).summary(week);
        QVERIFY(fromReplica && fromPrimaryRaw);
        QCOMPARE(fromReplica->accuracy.totalDecisions, qint64(550));
        test::compareTotals(*fromReplica, *fromPrimaryRaw, QStringLiteral("replica rollups vs primary rows"));

        const QueueCounts replicaCounts = counts(m_replica);
        auto naive = ReviewQueue(m_primary, ReviewRules::defaults())
                         .countsFromRows(QueueFilter{}, QDateTime::currentDateTimeUtc());
        QVERIFY(naive);
        QCOMPARE(replicaCounts.total, naive->total);
        QCOMPARE(replicaCounts.overdue, naive->overdue);
        QVERIFY(replicaCounts.all() > 0);

        // Caught up: the pair reads from the replica.
        QCOMPARE(&m_db->reads(), m_db->replica());
    }

    // The replica stops applying; the reviewer's verdict must still not come back as pending.
    void readYourWritesWhileTheReplicaLags()
    {
        QVERIFY(m_pair.waitForReplica());
        const ReviewQueue queue(m_db, ReviewRules::defaults());
        auto before = queue.items(QueueFilter{});
        QVERIFY(before && !before->empty());
        const QueueItem item = before->front();
        const QueueCounts countsBefore = counts(m_db);

        QVERIFY(m_pair.stopApplying());
        FeedbackRequest verdict;
        verdict.telemetryId = item.id;
        verdict.value = Feedback::Correct;
        verdict.reviewer = QStringLiteral("ana");
        QVERIFY(FeedbackRepository(m_db).record(verdict));

        // The replica itself still has it pending: without read-your-writes the queue would show it.
        auto stale = ReviewQueue(m_replica, ReviewRules::defaults()).pendingItem(item.id);
        QVERIFY(stale && stale->has_value());

        auto after = queue.items(QueueFilter{});
        QVERIFY(after);
        for (const QueueItem &i : *after)
            QVERIFY2(i.id != item.id, "the item just reviewed is shown as pending");
        auto again = queue.pendingItem(item.id);
        QVERIFY(again && !again->has_value());
        const QueueCounts countsAfter = counts(m_db);
        QCOMPARE(countsAfter.all(), countsBefore.all() - 1);
        QCOMPARE(&m_db->reads(), static_cast<const Database *>(m_db.get()));

        // Once the replica has the verdict, reads go back to it.
        QVERIFY(m_pair.startApplying());
        QVERIFY(m_pair.waitForReplica());
        QTRY_COMPARE(&m_db->reads(), m_db->replica());
        auto fromReplica = ReviewQueue(m_db, ReviewRules::defaults()).pendingItem(item.id);
        QVERIFY(fromReplica && !fromReplica->has_value());
    }

    // The usual case, the replica applying as it should: every verdict is followed at once by a
    // queue read, which must not show the item; the time of that read is the cost of the check.
    void nextReadAfterEachVerdictWithTheReplicaRunning()
    {
        QVERIFY(m_pair.waitForReplica());
        const ReviewQueue queue(m_db, ReviewRules::defaults());
        std::vector<qint64> micros;
        int fromReplica = 0;
        for (int i = 0; i < 20; ++i) {
            auto items = queue.items(QueueFilter{});
            QVERIFY(items && !items->empty());
            FeedbackRequest verdict;
            verdict.telemetryId = items->front().id;
            verdict.value = Feedback::Correct;
            verdict.reviewer = QStringLiteral("ana");
            QVERIFY(FeedbackRepository(m_db).record(verdict));
            QElapsedTimer timer;
            timer.start();
            auto next = queue.items(QueueFilter{});
            micros.push_back(timer.nsecsElapsed() / 1000);
            QVERIFY(next);
            for (const QueueItem &item : *next)
                QVERIFY2(item.id != verdict.telemetryId, "the item just reviewed is shown as pending");
            if (&m_db->reads() == m_db->replica())
                ++fromReplica;
        }
        std::sort(micros.begin(), micros.end());
        qInfo("next queue read after a verdict, replica running: median %.1f ms, max %.1f ms; reads on the replica "
              "right after: %d of 20",
              micros[micros.size() / 2] / 1000.0, micros.back() / 1000.0, fromReplica);
    }

    void lagFromSlaveStatus()
    {
        QVERIFY(m_pair.waitForReplica());
        auto lag = measureReplicaLag(*m_db);
        QVERIFY2(lag, lag ? "" : qPrintable(lag.error().message));
        QCOMPARE(lag->source, ReplicaLag::Source::SlaveStatus);
        QVERIFY(lag->seconds.has_value());
        QVERIFY(*lag->seconds <= 1);

        QVERIFY(m_pair.stopApplying());
        lag = measureReplicaLag(*m_db);
        QVERIFY(lag);
        QVERIFY(!lag->seconds.has_value());
        QVERIFY2(lag->stoppedBecause.contains(QLatin1String("SQL thread: No")), qPrintable(lag->stoppedBecause));
    }

    // An account without SLAVE MONITOR: the heartbeat row the primary rewrites gives the lag.
    void lagFromHeartbeatWithoutMonitorPrivilege()
    {
        test::ReplicaPair plain = m_pair;
        const QString user = m_pair.info.value(QStringLiteral("NOMON_USER"));
        plain.primaryUrl.replace(QStringLiteral("//atalaya@"), QStringLiteral("//%1@").arg(user));
        plain.replicaUrl.replace(QStringLiteral("//atalaya@"), QStringLiteral("//%1@").arg(user));
        auto db = plain.openPair(false);
        QVERIFY(db);
        auto lag = measureReplicaLag(*db);
        QVERIFY2(lag, lag ? "" : qPrintable(lag.error().message));
        QCOMPARE(lag->source, ReplicaLag::Source::Heartbeat);
        QVERIFY(m_pair.waitForReplica());
        lag = measureReplicaLag(*db, true);
        QVERIFY(lag && lag->seconds.has_value());
        QVERIFY2(*lag->seconds <= 1, qPrintable(QString::number(*lag->seconds)));

        // Not applying: the replica's heartbeat stays where it was while the primary's moves on.
        QVERIFY(m_pair.stopApplying());
        QThread::msleep(2200);
        lag = measureReplicaLag(*db, true);
        QVERIFY(lag && lag->seconds.has_value());
        QVERIFY2(*lag->seconds >= 2, qPrintable(QString::number(*lag->seconds)));
    }

    // atalaya-cli --read-db: the queue comes from the replica (a row the replica has not applied
    // is not in it), the same command without --read-db sees it on the primary.
    void cliReadsFromTheReplica()
    {
        QVERIFY(m_pair.waitForReplica());
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_pair.password);
        const QStringList common{QStringLiteral("queue"), QStringLiteral("--db"), m_pair.primaryUrl};
        auto both = test::runCli(common + QStringList{QStringLiteral("--read-db"), m_pair.replicaUrl}, {}, env);
        QCOMPARE(both.exitCode, 0);
        const QJsonObject caughtUp = both.json().object();
        auto primaryOnly = test::runCli(common, {}, env);
        QCOMPARE(primaryOnly.exitCode, 0);
        QCOMPARE(caughtUp.value(QStringLiteral("counts")), primaryOnly.json().object().value(QStringLiteral("counts")));

        QVERIFY(m_pair.stopApplying());
        DecisionInput urgent = test::makeDecision(QStringLiteral("agent-x"), QStringLiteral("triage"), 0.05, 50,
                                                  std::nullopt, QDateTime::currentDateTimeUtc().addSecs(-5));
        QVERIFY(DecisionRecorder(m_primary).record(urgent));
        auto lagging = test::runCli(common + QStringList{QStringLiteral("--read-db"), m_pair.replicaUrl}, {}, env);
        QCOMPARE(lagging.exitCode, 0);
        auto direct = test::runCli(common, {}, env);
        QCOMPARE(direct.exitCode, 0);
        const auto total = [](const test::CliRun &run) {
            qint64 sum = 0;
            for (const QJsonValue &v : run.json().object().value(QStringLiteral("counts")).toObject())
                sum += v.toInteger();
            return sum;
        };
        QCOMPARE(total(lagging), total(both));
        QCOMPARE(total(direct), total(both) + 1);

        auto sqlite = test::runCli({QStringLiteral("queue"), QStringLiteral("--db"), QStringLiteral("sqlite:/tmp/x.db"),
                                    QStringLiteral("--read-db"), m_pair.replicaUrl},
                                   {}, env);
        QCOMPARE(sqlite.exitCode, 2);
        QVERIFY(sqlite.err.startsWith("error: "));
    }

    // The replica's mariadbd killed between two reads: the next read is answered by the primary
    // (no error, the same figures), later reads go to the primary without trying the replica,
    // the CLI reads from the primary with a warning, and once the replica runs again the
    // periodic check sends reads back to it. Last: it restarts the fixture's replica.
    void replicaKilledMidSession()
    {
        QVERIFY(m_pair.startApplying());
        QVERIFY(m_pair.waitForReplica());
        auto db = m_pair.openPair(false);
        QVERIFY(db);
        const ReviewQueue queue(db, ReviewRules::defaults());
        const QueueFilter all;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(&db->reads(), db->replica());
        auto before = queue.counts(all, now);
        QVERIFY2(before, before ? "" : qPrintable(before.error().message));
        auto itemsBefore = queue.items(all);
        QVERIFY(itemsBefore);
        QCOMPARE(&db->reads(), db->replica());

        QFile pidFile(m_pair.info.value(QStringLiteral("REPLICA_PID_FILE")));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 pid = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 10000);

        // This thread's replica connection was open: the read meets the dead server, not reads().
        auto after = queue.counts(all, now);
        QVERIFY2(after, after ? "" : qPrintable(after.error().message));
        QCOMPARE(after->total, before->total);
        QCOMPARE(after->overdue, before->overdue);
        auto itemsAfter = queue.items(all);
        QVERIFY2(itemsAfter, itemsAfter ? "" : qPrintable(itemsAfter.error().message));
        QCOMPARE(itemsAfter->size(), itemsBefore->size());
        QVERIFY(replica_route::isDown(*db));
        QVERIFY2(replica_route::downReason(*db).contains(QLatin1String("Lost connection"))
                     || replica_route::downReason(*db).contains(QLatin1String("gone away"))
                     || replica_route::downReason(*db).contains(QLatin1String("cannot connect")),
                 qPrintable(replica_route::downReason(*db)));
        QCOMPARE(&db->reads(), db.get());
        // Another thread, with no connection to the replica yet, does not fail either.
        const QString elsewhere = QtConcurrent::run([db] {
            auto c = ReviewQueue(db, ReviewRules::defaults()).counts(QueueFilter{}, QDateTime::currentDateTimeUtc());
            return c ? QString::number(c->all()) : c.error().message;
        }).result();
        QCOMPARE(elsewhere, QString::number(before->all()));

        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_pair.password);
        const QStringList args{QStringLiteral("queue"), QStringLiteral("--db"), m_pair.primaryUrl};
        auto cli = test::runCli(args + QStringList{QStringLiteral("--read-db"), m_pair.replicaUrl}, {}, env);
        QCOMPARE(cli.exitCode, 0);
        QVERIFY2(cli.err.contains("warning: the read replica"), cli.err.constData());
        auto direct = test::runCli(args, {}, env);
        QCOMPARE(direct.exitCode, 0);
        QCOMPARE(cli.json().object().value(QStringLiteral("counts")),
                 direct.json().object().value(QStringLiteral("counts")));

        QProcess restart;
        restart.start(QStringLiteral(ATALAYA_REPLICA_FIXTURE_SCRIPT),
                      {QStringLiteral("restart-replica"), QFileInfo(QFileInfo(pidFile.fileName()).absolutePath()).absolutePath()});
        QVERIFY(restart.waitForFinished(60000));
        QCOMPARE(restart.exitCode(), 0);
        QVERIFY(m_pair.waitForReplica());
        // Still down until a check reaches the replica: reads do not try it themselves.
        QCOMPARE(&db->reads(), db.get());
        ReplicaLagWatcher watcher(db, 30, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!replica_route::isDown(*db), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(&db->reads(), db->replica(), 5000);
        auto back = queue.counts(all, QDateTime::currentDateTimeUtc());
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->total, before->total);
    }
};

QTEST_GUILESS_MAIN(TestReplica)
#include "tst_replica.moc"

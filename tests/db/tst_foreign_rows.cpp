#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/queue/ReviewQueue.h"
#include "core/queue/ReviewRules.h"
#include "core/stats/StatsService.h"
#include "core/storage/SqlUtil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// Rows another program wrote into ai_telemetry with plain SQL: every stored time format, a
// created_at that is not a time, a confidence outside 0–1, rows dated 1970 and 9999. None may
// make its INSERT fail or a figure wrong.
namespace {

const QString kInsert = QStringLiteral(
    "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score, execution_time_ms, metadata,"
    " created_at) VALUES (?, ?, '{}', ?, ?, '{}', ?)");

Status insertRow(const Database &db, const QString &agent, double confidence, qint64 ms, const QString &createdAt)
{
    return execStatement(db, kInsert, {agent, QStringLiteral("t"), confidence, ms, createdAt},
                         QStringLiteral("another writer's insert"));
}

WindowSummary summaryOf(const std::shared_ptr<Database> &db, const StatsQuery &q, bool rollups = true)
{
    auto s = StatsService(db, rollups).snapshot(q);
    if (!s) {
        qWarning("%s", qPrintable(s.error().message));
        return {};
    }
    return s->summary;
}

}  // namespace

class TestForeignRows : public QObject {
    Q_OBJECT
private slots:
    // The same instant written as SQLite's own text in each form another writer may use: it
    // must land in the same hour and day as Atalaya's form, in the counters and in
    // min/max/percentiles, through the rollups and through the raw edges of a window.
    void everyTimeFormatLandsInTheSameBuckets_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("offsetMinutes");
        QTest::newRow("T and Z") << "yyyy-MM-ddTHH:mm:ssZ" << 0;
        QTest::newRow("T, milliseconds and Z") << "yyyy-MM-ddTHH:mm:ss.zzzZ" << 0;
        QTest::newRow("T and +02:00") << "yyyy-MM-ddTHH:mm:ss+02:00" << 120;
        QTest::newRow("T, milliseconds and -05:30") << "yyyy-MM-ddTHH:mm:ss.zzz-05:30" << -330;
        QTest::newRow("T without zone") << "yyyy-MM-ddTHH:mm:ss" << 0;
        QTest::newRow("space without milliseconds") << "yyyy-MM-dd HH:mm:ss" << 0;
        QTest::newRow("space and +02:00") << "yyyy-MM-dd HH:mm:ss+02:00" << 120;
        QTest::newRow("space, no seconds") << "yyyy-MM-dd HH:mm" << 0;
    }
    void everyTimeFormatLandsInTheSameBuckets()
    {
        if (currentBackend() != TestBackend::SQLite)
            QSKIP("MariaDB's DATETIME column stores one form whatever the writer sent");
        QFETCH(QString, format);
        QFETCH(int, offsetMinutes);
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Whole minutes, mid-hour, two days back: inside a 7-day window's full days.
        const QDateTime hour = QDateTime(now.date().addDays(-2), QTime(now.time().hour(), 0), Qt::UTC);
        const QDateTime at = hour.addSecs(30 * 60);
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 10, toDbDateTime(at)));
        const QString foreign = at.addSecs(offsetMinutes * 60).toString(format);
        QVERIFY2(insertRow(*fresh.db, "a", 0.5, 30, foreign), qPrintable(foreign));
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 20, toDbDateTime(at.addSecs(60))));

        auto check = [&](const StatsQuery &q, const char *what) {
            const WindowSummary s = summaryOf(fresh.db, q);
            const QString where = QStringLiteral("%1, stored as '%2'").arg(QLatin1String(what), foreign);
            QVERIFY2(s.accuracy.totalDecisions == 3, qPrintable(where));
            QVERIFY2(s.execution.avgMs == std::optional<double>(20.0), qPrintable(where));
            QVERIFY2(s.execution.minMs == 10 && s.execution.maxMs == 30, qPrintable(where));
            QVERIFY2(s.execution.p50Ms == 20 && s.execution.p99Ms == 30, qPrintable(where));
        };
        check(*StatsQuery::lastDays(7), "7 days (rollup days and hours)");
        check(*StatsQuery::range(hour, hour.addSecs(3600)), "its hour (rollup hour)");
        check(*StatsQuery::range(at.addSecs(-600), at.addSecs(600)), "20 minutes (raw rows)");
        auto byDay = StatsService(fresh.db).grouped(*StatsQuery::lastDays(7), GroupBy::Day);
        QVERIFY(byDay.ok());
        for (const GroupSummary &g : *byDay)
            QCOMPARE(g.summary.accuracy.totalDecisions, qint64(g.key == at.date().toString(Qt::ISODate) ? 3 : 0));
    }

    // The queue's overdue counts compare instants, not texts: a pending P0 written 90 minutes
    // before "now" is overdue and one written 50 minutes before is not, in every form another
    // writer may store, through the counts table (the SLA cutoff's own hour read from the
    // rows) and through the rows alone.
    void overdueComparesInstants_data() { everyTimeFormatLandsInTheSameBuckets_data(); }
    void overdueComparesInstants()
    {
        if (currentBackend() != TestBackend::SQLite)
            QSKIP("MariaDB's DATETIME column stores one form whatever the writer sent");
        QFETCH(QString, format);
        QFETCH(int, offsetMinutes);
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        // Ten past the hour: the P0 cutoff (now − 1 h) and the recent row share a clock hour.
        const QDate yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1);
        const QDateTime now(yesterday, QTime(12, 10), Qt::UTC);
        for (const int minutesAgo : {90, 50}) {
            const QString stored = now.addSecs((offsetMinutes - minutesAgo) * 60).toString(format);
            QVERIFY2(insertRow(*fresh.db, "a", 0.3, 10, stored), qPrintable(stored));
        }
        const ReviewRules rules = ReviewRules::defaults();
        const auto p0 = static_cast<size_t>(Priority::P0);
        const ReviewQueue queue(fresh.db, rules);
        for (const auto &[what, counts] :
             {std::pair{"counts", queue.counts({}, now)}, std::pair{"rows", queue.countsFromRows({}, now)}}) {
            QVERIFY2(counts.ok(), what);
            QVERIFY2(counts->total[p0] == 2, what);
            QVERIFY2(counts->overdue[p0] == 1,
                     qPrintable(QStringLiteral("%1: %2 overdue, stored as %3")
                                    .arg(QLatin1String(what))
                                    .arg(counts->overdue[p0])
                                    .arg(format)));
        }
    }

    // Atalaya's triggers never refuse another writer's INSERT: a created_at that is not a time
    // is stored (SQLite keeps any text; MariaDB in a non-strict sql_mode keeps the zero date)
    // and counted in data_quality.invalid_created_at, in no window.
    void unreadableTimeIsCountedNotRefused()
    {
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        // The queue counts' triggers too (built by the first queue read).
        const CliRun queue = runCliOn(fresh, {"queue"});
        QVERIFY2(queue.exitCode == 0, queue.err.constData());
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 10, toDbDateTime(QDateTime::currentDateTimeUtc().addSecs(-60))));
        if (currentBackend() == TestBackend::MariaDB)
            QVERIFY(execStatement(*fresh.db, "SET SESSION sql_mode = ''", {}, "non-strict session"));
        for (const QString &bad : {QStringLiteral("not a time"), QStringLiteral("2026-13-45 99:00:00")}) {
            const Status s = insertRow(*fresh.db, "a", 0.6, 20, bad);
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        }
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(3));
        const CliRun stats = runCliOn(fresh, {"stats", "--days", "7"});
        QVERIFY2(stats.exitCode == 0, stats.err.constData());
        const QJsonObject json = stats.json().object();
        QCOMPARE(json["data_quality"].toObject()["invalid_created_at"].toInt(), 2);
        QCOMPARE(json["accuracy"].toObject()["total_decisions"].toInt(), 1);
        const CliRun after = runCliOn(fresh, {"queue"});
        QVERIFY2(after.exitCode == 0, after.err.constData());
    }

    // Out of 0–1 the confidence is not a score: its own reason at P1, never "confidence 1.70 > 0.95".
    void invalidConfidenceIsQueuedAtP1_data()
    {
        QTest::addColumn<double>("confidence");
        QTest::newRow("1.7") << 1.7;
        QTest::newRow("-0.2") << -0.2;
        QTest::newRow("1.0001") << 1.0001;
    }
    void invalidConfidenceIsQueuedAtP1()
    {
        QFETCH(double, confidence);
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(insertRow(*fresh.db, "broken-writer", confidence, 10, toDbDateTime(at)));
        QVERIFY(insertRow(*fresh.db, "fine-writer", 0.99, 10, toDbDateTime(at)));
        const CliRun run = runCliOn(fresh, {"queue", "--include-p3-all"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject json = run.json().object();
        QCOMPARE(json["counts"].toObject()["P1"].toInt(), 1);
        QCOMPARE(json["counts"].toObject()["P0"].toInt(), 0);
        bool seen = false;
        for (const QJsonValue &v : json["items"].toArray()) {
            const QJsonObject item = v.toObject();
            if (item["agent_id"].toString() != "broken-writer")
                continue;
            seen = true;
            QCOMPARE(item["priority"].toString(), QStringLiteral("P1"));
            QVERIFY2(item["reason"].toString().startsWith("invalid confidence"), qPrintable(item["reason"].toString()));
        }
        QVERIFY(seen);
        const CliRun stats = runCliOn(fresh, {"stats", "--days", "1"});
        QCOMPARE(stats.json().object()["data_quality"].toObject()["confidence_out_of_range"].toInt(), 1);
    }

    // Two rows another writer dated 1970 and 9999: the rebuild walks the days that hold rows,
    // not the 2.9 million between them, and every figure stays exact.
    void rebuildSkipsEmptyDays()
    {
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 100, "1970-01-01 00:00:01.000"));
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 300, "9999-06-01 12:00:00.000"));
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 200, toDbDateTime(now.addSecs(-3600))));
        QVERIFY(insertRow(*fresh.db, "a", 0.5, 400, toDbDateTime(now.addDays(-3))));
        QElapsedTimer timer;
        timer.start();
        const CliRun init = runCliOn(fresh, {"init", "--rebuild-rollups"});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QStringLiteral("rebuild took %1 ms").arg(timer.elapsed())));
        qInfo("init --rebuild-rollups with rows in 1970 and 9999: %lld ms", timer.elapsed());

        const WindowSummary week = summaryOf(fresh.db, *StatsQuery::lastDays(7));
        QCOMPARE(week.accuracy.totalDecisions, qint64(2));
        QCOMPARE(week.execution.minMs, std::optional<qint64>(200));
        QCOMPARE(week.execution.maxMs, std::optional<qint64>(400));
        QCOMPARE(week.execution.p50Ms, std::optional<qint64>(200));
        for (const auto &[from, to] : {std::pair{QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC),
                                                 QDateTime(QDate(1970, 1, 3), QTime(0, 0), Qt::UTC)},
                                       std::pair{QDateTime(QDate(9999, 5, 30), QTime(0, 0), Qt::UTC),
                                                 QDateTime(QDate(9999, 6, 3), QTime(0, 0), Qt::UTC)}}) {
            auto q = StatsQuery::range(from, to);
            QVERIFY(q.ok());
            const WindowSummary viaRollups = summaryOf(fresh.db, *q);
            const WindowSummary raw = summaryOf(fresh.db, *q, false);
            QCOMPARE(viaRollups.accuracy.totalDecisions, qint64(1));
            QCOMPARE(viaRollups.execution.maxMs, raw.execution.maxMs);
            QCOMPARE(viaRollups.execution.p50Ms, raw.execution.p50Ms);
        }
    }
};

QTEST_GUILESS_MAIN(TestForeignRows)
#include "tst_foreign_rows.moc"

#include "tests/support/RollupCompare.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/ingest/JsonlIngest.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupSchema.h"
#include "core/stats/Calibration.h"
#include "core/stats/RawAggregates.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsService.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QThread>
#include <QtTest>

using namespace atalaya;

// Proves the rollup path gives the naive figures: exact counts, sums, averages, min/max and
// data quality; percentiles within 1 %. Rows and feedback come from the app and from
// "another system" (raw SQL), including re-reviews, deletes and rows outside the seed ranges.
class TestRollups : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QDateTime m_now;
    QStringList m_agents{"alpha", "beta", "gamma"};
    QStringList m_tasks{"triage", "refund"};

    QString insertSql() const
    {
        return QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score,"
                              " human_feedback, accuracy, execution_time_ms, metadata, created_at)"
                              " VALUES (?, ?, '{}', ?, ?, ?, ?, '{}', ?)");
    }

    static QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }

    std::vector<StatsQuery> windows() const
    {
        std::vector<StatsQuery> out;
        for (int days : {1, 2, 7, 30, 3650})
            out.push_back(*StatsQuery::lastDays(days, m_now));
        // Partial hours at both ends, and a window inside one hour.
        out.push_back(*StatsQuery::range(m_now.addSecs(-5 * 86400 - 1234), m_now.addSecs(-86400 + 777)));
        out.push_back(*StatsQuery::range(m_now.addSecs(-3 * 3600 - 10), m_now.addSecs(-3 * 3600 + 900)));
        const QDateTime hour =
            QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch() / 3600 * 3600 - 48 * 3600, Qt::UTC);
        out.push_back(*StatsQuery::range(hour, hour.addSecs(6 * 3600)));
        // Whole days only (no hour rows, no raw edges); a day edge and a mid-hour edge; full
        // hours that cross midnight without a whole day.
        const QDateTime midnight = QDateTime(m_now.date(), QTime(0, 0), Qt::UTC);
        out.push_back(*StatsQuery::range(midnight.addDays(-3), midnight));
        out.push_back(*StatsQuery::range(midnight.addDays(-10), midnight.addSecs(-2 * 86400 + 1800 + 7)));
        out.push_back(*StatsQuery::range(midnight.addSecs(-9 * 86400 - 5 * 3600), midnight.addDays(-3)));
        out.push_back(
            *StatsQuery::range(midnight.addSecs(-4 * 86400 - 3 * 3600), midnight.addSecs(-4 * 86400 + 5 * 3600)));
        std::vector<StatsQuery> filtered;
        for (const StatsQuery &q : out) {
            filtered.push_back(q);
            filtered.push_back(q.withAgent("beta"));
            filtered.push_back(q.withTask("refund"));
            filtered.push_back(q.withAgent("gamma").withTask("triage"));
        }
        return filtered;
    }

    void compareAll(const QString &stage)
    {
        QVERIFY(rollup::status(*m_db).usable());
        const StatsService stats(m_db);
        const StatsSamples fastSamples(m_db);
        const StatsSamples naiveSamples(m_db, false);
        int n = 0;
        for (const StatsQuery &q : windows()) {
            const QString where = QStringLiteral("%1, window %2 (%3–%4, agent '%5', task '%6')")
                                      .arg(stage)
                                      .arg(n++)
                                      .arg(toIsoUtc(q.from), toIsoUtc(q.to), q.agentId, q.taskType);
            auto naive = rawTotals(*m_db, {{q.from, q.to}}, q.agentId, q.taskType, std::nullopt, true);
            QVERIFY(naive.ok());
            WindowTotals all;
            for (const auto &[k, t] : *naive)
                all.merge(t);
            auto snap = stats.snapshot(q);
            QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().message));
            test::compareTotals(snap->summary, all.summary(), where);
            QVERIFY2(snap->quality.excludedRows == all.quality.excludedRows, qPrintable(where));
            QVERIFY2(snap->quality.unknownFeedback == all.quality.unknownFeedback, qPrintable(where));
            QVERIFY2(snap->quality.confidenceOutOfRange == all.quality.confidenceOutOfRange, qPrintable(where));
            QVERIFY2(snap->quality.negativeExecutionTime == all.quality.negativeExecutionTime, qPrintable(where));
            QVERIFY2(snap->quality.invalidJson == all.quality.invalidJson, qPrintable(where));
            auto cells = fastSamples.reviewedCells(q);
            auto naiveCells = naiveSamples.reviewedCells(q);
            QVERIFY(cells.ok() && naiveCells.ok());
            test::compareCells(*cells, *naiveCells, where);
            // Bins dividing 100 come from the per-percent cells, the others from the 10⁻⁴ ones.
            for (int bins : {10, 4, 100, 3, 7}) {
                auto got = fastSamples.calibration(q, bins);
                auto want = naiveSamples.calibration(q, bins);
                QVERIFY(got.ok() && want.ok());
                test::compareCalibration(*got, *want, where + QStringLiteral(", %1 bins").arg(bins));
            }
            for (GroupBy by : {GroupBy::Agent, GroupBy::TaskType, GroupBy::Day}) {
                auto want = rawTotals(*m_db, {{q.from, q.to}}, q.agentId, q.taskType, by, false);
                auto got = stats.grouped(q, by);
                QVERIFY(want.ok() && got.ok());
                for (const GroupSummary &g : *got) {
                    auto it = want->find(g.key);
                    const WindowSummary expected = it == want->end() ? WindowSummary{} : it->second.summary();
                    test::compareTotals(g.summary, expected, where + QStringLiteral(" group ") + g.key);
                }
                if (by != GroupBy::Day) {
                    qint64 groups = 0;
                    for (const auto &[k, t] : *want)
                        groups += t.total > 0 ? 1 : 0;
                    QVERIFY2(qint64(got->size()) == groups, qPrintable(where));
                }
            }
        }
    }

    std::vector<DecisionInput> appRows(int count, quint32 seed)
    {
        QRandomGenerator rng(seed);
        std::vector<DecisionInput> rows;
        for (int i = 0; i < count; ++i) {
            DecisionInput d;
            d.agentId = m_agents[int(rng.bounded(3))];
            d.taskType = m_tasks[int(rng.bounded(2))];
            d.decision = {{"action", "approve"}};
            d.confidence = rng.bounded(10001) / 10000.0;
            // Mostly exact-range latencies, a tail in the sketch's log buckets.
            d.executionTimeMs = rng.bounded(10) == 0 ? 1024 + rng.bounded(60000) : rng.bounded(1024);
            const int fb = int(rng.bounded(6));
            if (fb < 3)
                d.feedback = fb == 0 ? Feedback::Correct : fb == 1 ? Feedback::Incorrect : Feedback::PartiallyCorrect;
            d.createdAt = m_now.addMSecs(-qint64(rng.bounded(40 * 86400)) * 1000 - rng.bounded(1000));
            rows.push_back(d);
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        // Not on an hour boundary, so every window has partial first and last hours.
        m_now = QDateTime::currentDateTimeUtc();
        QVERIFY(rollup::status(*m_db).usable());
    }

    void appInserts()
    {
        auto written = DecisionRecorder(m_db).recordBatch(appRows(3000, 1));
        QVERIFY(written.ok());
        compareAll(QStringLiteral("after app inserts"));
    }

    // `record --jsonl`'s path: a parser thread feeding one transaction of several statements,
    // rows over 40 days (thousands of hour rows in one rollup upsert run).
    void jsonlIngest()
    {
        QByteArray content;
        for (const DecisionInput &d : appRows(4500, 3))
            content += QJsonDocument(QJsonObject{{"agent_id", d.agentId},
                                                 {"task_type", d.taskType},
                                                 {"decision", d.decision},
                                                 {"confidence", d.confidence},
                                                 {"execution_time_ms", d.executionTimeMs},
                                                 {"created_at", toIsoUtc(d.createdAt)}})
                           .toJson(QJsonDocument::Compact)
                + "\n";
        QBuffer input(&content);
        QVERIFY(input.open(QIODevice::ReadOnly));
        auto report = ingestJsonl(*m_db, input, {});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->written.inserted, qint64(4500));
        compareAll(QStringLiteral("after a jsonl ingest"));
    }

    void otherSystemInserts()
    {
        QRandomGenerator rng(2);
        for (int i = 0; i < 200; ++i) {
            QString agent = m_agents[int(rng.bounded(3))];
            const QString task = m_tasks[int(rng.bounded(2))];
            QString conf = QString::number(rng.bounded(10001) / 10000.0, 'f', 4);
            QVariant feedback = nullText();
            QVariant accuracy = nullText();
            qint64 ms = rng.bounded(3000);
            switch (i % 10) {
            case 0: conf = QStringLiteral("1.5"); break;  // out of range
            case 1: feedback = QStringLiteral("maybe"); break;  // unknown feedback
            case 2: ms = -7; break;  // negative latency
            case 3: feedback = QStringLiteral("correct"); break;  // accuracy left NULL
            case 4:
                feedback = QStringLiteral("incorrect");
                accuracy = QStringLiteral("0.0000");
                break;
            // Keys MySQL's collations would fold into "beta": kept apart, as on SQLite.
            case 5: agent = QStringLiteral("Beta"); break;
            case 6: agent = QStringLiteral("beta "); break;
            default: break;
            }
            const QDateTime at = m_now.addSecs(-qint64(rng.bounded(35 * 86400)));
            QVERIFY(execStatement(*m_db, insertSql(), {agent, task, conf, feedback, accuracy, ms, toDbDateTime(at)},
                                  "raw insert")
                        .ok());
        }
        compareAll(QStringLiteral("after raw inserts"));
    }

    void otherSystemReviewsAndEdits()
    {
        // Re-reviews and undos written straight to the table, and a few latency edits/deletes.
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'incorrect', accuracy = 0"
                                             " WHERE human_feedback = 'correct' AND id % 4 = 0"),
                              {}, "re-review")
                    .ok());
        QVERIFY(
            execStatement(*m_db,
                          QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'partially_correct', accuracy = 0.5"
                                         " WHERE human_feedback IS NULL AND id % 5 = 0"),
                          {}, "review")
                .ok());
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET human_feedback = NULL, accuracy = NULL"
                                             " WHERE human_feedback = 'incorrect' AND id % 7 = 0"),
                              {}, "undo")
                    .ok());
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'bogus'"
                                             " WHERE id % 97 = 0"),
                              {}, "bad feedback")
                    .ok());
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET execution_time_ms = execution_time_ms * 3 + 1"
                                             " WHERE id % 11 = 0"),
                              {}, "latency edit")
                    .ok());
        QVERIFY(execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET agent_id = 'gamma'"
                                             " WHERE agent_id = 'alpha' AND id % 13 = 0"),
                              {}, "agent edit")
                    .ok());
        QVERIFY(execStatement(*m_db, QStringLiteral("DELETE FROM ai_telemetry WHERE id % 17 = 0"), {}, "delete").ok());
        compareAll(QStringLiteral("after raw updates"));
    }

    void appFeedback()
    {
        FeedbackRepository feedback(m_db);
        for (qint64 id = 2; id < 400; id += 9) {
            FeedbackRequest r;
            r.telemetryId = id;
            r.value = id % 2 ? Feedback::Correct : Feedback::PartiallyCorrect;
            r.reviewer = QStringLiteral("tester");
            auto written = feedback.record(r);
            QVERIFY(written.ok() || written.error().code == ErrorCode::NotFound);
        }
        compareAll(QStringLiteral("after app feedback"));
    }

    void staleSectionsAreStoredAgain()
    {
        // The reads above rebuilt and stored every stale full day and edge hour of their
        // windows (3650 days: every day but today, every hour but the current one); a day's
        // rebuild merges its hours, rebuilding stale ones first.
        const qint64 hourNow = m_now.toSecsSinceEpoch() / 3600;
        for (const auto &[table, slot, before] : {std::tuple{"atalaya_rollup_hour", "hour_no", hourNow},
                                                  std::tuple{"atalaya_rollup_day", "day_no", hourNow / 24}}) {
            auto stale = execQuery(*m_db,
                                   QStringLiteral("SELECT COUNT(*) FROM %1 WHERE ((lat_built <> lat_version AND n > 0)"
                                                  " OR (cal_built <> cal_version AND fb > 0)) AND %2 < ?")
                                       .arg(QLatin1String(table), QLatin1String(slot)),
                                   {before}, "stale");
            QVERIFY(stale.ok() && stale->next());
            QCOMPARE(stale->value(0).toLongLong(), qint64(0));
        }
    }

    void dayRowsAreTheSumOfTheirHours()
    {
        const QString sums = rollup::counterColumns().join(QStringLiteral("), SUM("));
        auto read = [&](const QString &sql) {
            std::map<QString, QVariantList> rows;
            auto q = execQuery(*m_db, sql, {}, "sums");
            if (!q)
                return rows;
            while (q->next()) {
                QVariantList v;
                for (int i = 3; i < 3 + rollup::counterColumns().size(); ++i)
                    v << q->value(i).toLongLong();
                rows[QStringLiteral("%1|%2|%3")
                         .arg(q->value(0).toLongLong())
                         .arg(QString::fromUtf8(q->value(1).toByteArray()),
                              QString::fromUtf8(q->value(2).toByteArray()))] = v;
            }
            return rows;
        };
        const auto hours = read(QStringLiteral("SELECT day_no, agent_id, task_type, SUM(%1) FROM atalaya_rollup_hour"
                                               " GROUP BY day_no, agent_id, task_type")
                                    .arg(sums));
        const auto days = read(QStringLiteral("SELECT day_no, agent_id, task_type, %1 FROM atalaya_rollup_day")
                                   .arg(rollup::counterColumns().join(QStringLiteral(", "))));
        QVERIFY(hours.size() > 100);
        QCOMPARE(days.size(), hours.size());
        for (const auto &[key, values] : hours) {
            auto it = days.find(key);
            QVERIFY2(it != days.end(), qPrintable(key));
            QVERIFY2(it->second == values, qPrintable(key));
        }
    }

    void rebuildGivesTheSameRollups()
    {
        auto before = execQuery(*m_db,
                                QStringLiteral("SELECT SUM(n), SUM(fb), SUM(acc_sum), SUM(conf_sum), SUM(exec_sum),"
                                               " SUM(dq_excluded), SUM(b0), SUM(b4) FROM atalaya_rollup_hour"),
                                {}, "sum");
        QVERIFY(before.ok() && before->next());
        QVariantList sums;
        for (int i = 0; i < 8; ++i)
            sums << before->value(i).toLongLong();
        before->finish();
        QVERIFY(rollup::rebuild(*m_db).ok());
        dayRowsAreTheSumOfTheirHours();
        auto after = execQuery(*m_db,
                               QStringLiteral("SELECT SUM(n), SUM(fb), SUM(acc_sum), SUM(conf_sum), SUM(exec_sum),"
                                              " SUM(dq_excluded), SUM(b0), SUM(b4) FROM atalaya_rollup_hour"),
                               {}, "sum");
        QVERIFY(after.ok() && after->next());
        for (int i = 0; i < 8; ++i)
            QCOMPARE(after->value(i).toLongLong(), sums[i].toLongLong());
        after->finish();
        compareAll(QStringLiteral("after rebuild"));
    }

    void naiveReferenceIsTheSeedSql()
    {
        // One figure straight from hand-written SQL, so the reference itself is checked.
        const StatsQuery q = *StatsQuery::lastDays(7, m_now);
        auto count = execQuery(
            *m_db,
            QStringLiteral(
                "SELECT COUNT(*) FROM ai_telemetry WHERE created_at >= ? AND created_at < ?"
                " AND confidence_score >= 0 AND confidence_score <= 1 AND execution_time_ms >= 0"
                " AND (human_feedback IS NULL OR human_feedback IN ('correct','incorrect','partially_correct'))"),
            {toDbDateTime(q.from), toDbDateTime(q.to)}, "count");
        QVERIFY(count.ok() && count->next());
        auto s = StatsService(m_db).summary(q);
        QVERIFY(s.ok());
        QCOMPARE(s->accuracy.totalDecisions, count->value(0).toLongLong());
        QVERIFY(s->accuracy.totalDecisions > 100);
        auto reviewed = execQuery(*m_db,
                                  QStringLiteral("SELECT COUNT(*), SUM(ROUND(accuracy * 10000)) FROM ai_telemetry"
                                                 " WHERE created_at >= ? AND created_at < ? AND confidence_score >= 0"
                                                 " AND confidence_score <= 1 AND execution_time_ms >= 0"
                                                 " AND human_feedback IN ('correct','incorrect','partially_correct')"
                                                 " AND accuracy IS NOT NULL"),
                                  {toDbDateTime(q.from), toDbDateTime(q.to)}, "reviewed");
        QVERIFY(reviewed.ok() && reviewed->next());
        auto cells = StatsSamples(m_db).reviewedCells(q);
        QVERIFY(cells.ok());
        qint64 reviewedCount = 0;
        qint64 accuracy = 0;
        for (const ReviewedCell &c : *cells) {
            reviewedCount += c.count;
            accuracy += c.accuracySumE4;
        }
        QCOMPARE(reviewedCount, reviewed->value(0).toLongLong());
        QCOMPARE(accuracy, qint64(std::llround(reviewed->value(1).toDouble())));
        QVERIFY(reviewedCount > 50);
    }

    // Someone drops a rollup trigger and writes rows: reads notice within the recheck interval
    // and take the raw path; `init` puts the trigger back and rebuilds before trusting the
    // rollups again (they missed those rows).
    void droppedTriggerIsNoticedAndInitRebuilds()
    {
        const auto interval = telemetryTriggersRecheckInterval();
        setTelemetryTriggersRecheckInterval(std::chrono::milliseconds(200));
        QVERIFY(rollup::status(*m_db).usable());
        QVERIFY(execStatement(*m_db, QStringLiteral("DROP TRIGGER %1").arg(rollup::triggerNames().first()), {}, "drop")
                    .ok());
        for (int i = 0; i < 40; ++i) {
            const QDateTime at = m_now.addSecs(-qint64(i) * 7200 - 60);
            QVERIFY(execStatement(*m_db, insertSql(),
                                  {m_agents[i % 3], m_tasks[i % 2], QStringLiteral("0.8123"), QStringLiteral("correct"),
                                   QStringLiteral("1.0"), 100 + i, toDbDateTime(at)},
                                  "raw insert")
                        .ok());
        }
        QThread::msleep(250);
        const rollup::RollupStatus dropped = rollup::status(*m_db);
        setTelemetryTriggersRecheckInterval(interval);
        QVERIFY(dropped.ready && !dropped.triggers);
        auto ensured = rollup::ensure(*m_db);
        QVERIFY(ensured.ok());
        QVERIFY(ensured->state == DerivedTableState::Ready && ensured->built);
        compareAll(QStringLiteral("after a dropped trigger and init"));
    }
};

QTEST_GUILESS_MAIN(TestRollups)
#include "tst_rollups.moc"

#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/ingest/JsonlIngest.h"
#include "core/queue/QueueCountsSchema.h"
#include "core/queue/QueueCountsStore.h"
#include "core/queue/ReviewQueue.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>

using namespace atalaya;

// The queue counts table (triggers + the app's bulk path) against the naive evaluation: the
// C++ rules over every pending row, on SQLite and MariaDB, after the app's inserts and
// feedback, other systems' inserts, updates and deletes, a bulk ingest and a rule change, for
// several "now"s around the SLA edges.
class TestQueueCounts : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    QDateTime m_now;

    // The reference: every pending row classified by ReviewRules in C++.
    QueueCounts naive(const ReviewRules &rules, const QueueFilter &filter, const QDateTime &now)
    {
        QueueCounts c;
        auto q = execQuery(*m_db,
                           QStringLiteral("SELECT id, agent_id, task_type, confidence_score, decision_made, metadata,"
                                          " created_at FROM ai_telemetry WHERE human_feedback IS NULL"),
                           {}, QStringLiteral("test read"));
        if (!q)
            qFatal("%s", qPrintable(q.error().message));
        while (q->next()) {
            if (!filter.agentId.isEmpty() && q->value(1).toString() != filter.agentId)
                continue;
            const auto match = rules.classify({q->value(0).toLongLong(), q->value(2).toString(), q->value(3).toDouble(),
                                               QJsonDocument::fromJson(q->value(4).toByteArray()).object(),
                                               QJsonDocument::fromJson(q->value(5).toByteArray()).object()});
            if (!match || (!match->sampled && !filter.includeAllP3))
                continue;
            const auto p = static_cast<size_t>(match->priority);
            ++c.total[p];
            const QDateTime due = rules.dueAt(match->priority, fromDbDateTime(q->value(6)));
            if (due.isValid() && now > due)
                ++c.overdue[p];
        }
        return c;
    }

    static QString text(const QueueCounts &c)
    {
        QStringList parts;
        for (int p = 0; p < kPriorityCount; ++p)
            parts << QStringLiteral("P%1 %2/%3")
                         .arg(p)
                         .arg(c.total[static_cast<size_t>(p)])
                         .arg(c.overdue[static_cast<size_t>(p)]);
        return parts.join(QStringLiteral(", "));
    }

    // Counts from the table == the rows' SQL == the C++ rules, for every filter and "now".
    // Without the C++ rules for rows whose text only the server's collation matches.
    void expectExact(const ReviewRules &rules, const char *step, bool naiveToo = true)
    {
        auto installed = queuecounts::installedFor(*m_db, rules);
        QVERIFY2(installed && *installed, step);
        const ReviewQueue queue(m_db, rules);
        for (const QString &agent : {QString(), QStringLiteral("Agent-A"), QStringLiteral("agent-a")}) {
            for (bool all : {false, true}) {
                for (qint64 shift : {0LL, 1800LL, 3 * 3600LL, 23 * 3600LL + 1800, 25 * 3600LL, 8 * 86400LL}) {
                    QueueFilter filter;
                    filter.agentId = agent;
                    filter.includeAllP3 = all;
                    const QDateTime now = m_now.addSecs(shift);
                    auto table = queuecounts::read(*m_db, rules, filter, now);
                    QVERIFY2(table && *table, step);
                    auto rows = queue.countsFromRows(filter, now);
                    QVERIFY(rows.ok());
                    const QueueCounts expected = naiveToo ? naive(rules, filter, now) : *rows;
                    const QString where = QStringLiteral("%1, agent '%2', all P3 %3, now + %4 s")
                                              .arg(QLatin1String(step), agent)
                                              .arg(all)
                                              .arg(shift);
                    QVERIFY2(text(**table) == text(expected),
                             qPrintable(where + QStringLiteral(": table ") + text(**table) + QStringLiteral(" naive ")
                                        + text(expected)));
                    QVERIFY2(text(*rows) == text(expected),
                             qPrintable(where + QStringLiteral(": rows ") + text(*rows)));
                }
            }
        }
    }

    // The ids written (none listed for viaJsonl).
    std::vector<qint64> insertMix(int n, int seed, bool viaJsonl = false)
    {
        static const QStringList tasks = {QStringLiteral("chat_response"),   QStringLiteral("code_review"),
                                          QStringLiteral("deployment_risk"), QStringLiteral("deploy"),
                                          QStringLiteral("optimization"),    QStringLiteral("rollback_decision")};
        static const QStringList agents = {QStringLiteral("Agent-A"), QStringLiteral("agent-a"),
                                           QStringLiteral("agent-b")};
        // Ages around every SLA edge (1 h, 24 h, 1 week), in the future, and the sample's P3s.
        static const qint64 ages[] = {-600,  30,    1700,  3500,   3601,   5400,   12000,
                                      86000, 86500, 90000, 600000, 604000, 605500, 2000000};
        static const double confidences[] = {0.3, 0.6999, 0.70, 0.8, 0.8499, 0.85, 0.9, 0.95, 0.9501, 0.99, 1.0};
        std::vector<DecisionInput> batch;
        for (int i = 0; i < n; ++i) {
            const int k = i * 7 + seed;
            DecisionInput d;
            d.agentId = agents[k % agents.size()];
            d.taskType = tasks[(k / 3) % tasks.size()];
            d.confidence = confidences[(k / 2) % std::size(confidences)];
            d.executionTimeMs = 50 + k % 300;
            d.decision = {
                {QStringLiteral("action"), k % 13 == 0 ? QStringLiteral("rollback") : QStringLiteral("approve")}};
            QJsonObject meta;
            if (k % 5 == 0)
                meta.insert(QStringLiteral("environment"),
                            k % 10 == 0 ? QStringLiteral("production") : QStringLiteral("staging"));
            if (k % 11 == 0)
                meta.insert(QStringLiteral("critical"), true);
            if (k % 9 == 0)
                meta.insert(QStringLiteral("teams_affected"), k % 4);
            if (k % 17 == 0)
                meta.insert(QStringLiteral("severity"), QStringLiteral("critical"));
            d.metadata = meta;
            d.createdAt = m_now.addSecs(-ages[k % std::size(ages)]);
            batch.push_back(d);
        }
        if (viaJsonl) {
            // The `record --jsonl` path: priorities worked out on the client where it can.
            QByteArray lines;
            for (const DecisionInput &d : batch)
                lines += QJsonDocument(QJsonObject{{"agent_id", d.agentId},
                                                   {"task_type", d.taskType},
                                                   {"decision", d.decision},
                                                   {"confidence", d.confidence},
                                                   {"execution_time_ms", d.executionTimeMs},
                                                   {"metadata", d.metadata},
                                                   {"created_at", toIsoUtc(d.createdAt)}})
                             .toJson(QJsonDocument::Compact)
                    + '\n';
            QBuffer input(&lines);
            input.open(QIODevice::ReadOnly);
            auto report = ingestJsonl(*m_db, input, {});
            if (!report)
                qFatal("%s", qPrintable(report.error().message));
            return {};
        }
        auto r = DecisionRecorder(m_db).recordBatch(batch);
        if (!r)
            qFatal("%s", qPrintable(r.error().message));
        std::vector<qint64> ids;
        for (qint64 id = r->firstId; id <= r->lastId; ++id)
            ids.push_back(id);
        return ids;
    }

    void exec(const QString &sql, const QVariantList &values = {})
    {
        Status s = execStatement(*m_db, sql, values, QStringLiteral("outside write"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }

private slots:
    void initTestCase()
    {
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        // Whole seconds, so the shifted "now"s land exactly on stored times too.
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    }

    void appWritesAndFeedback()
    {
        const auto ids = insertMix(400, 1);
        expectExact(ReviewRules::defaults(), "after the app's inserts");
        FeedbackRepository feedback(m_db);
        for (size_t i = 0; i < ids.size(); i += 7) {
            FeedbackRequest r;
            r.telemetryId = ids[i];
            r.value = Feedback::Incorrect;
            r.reviewer = QStringLiteral("test");
            QVERIFY(feedback.record(r).ok());
        }
        expectExact(ReviewRules::defaults(), "after feedback");
        FeedbackRestore undo;
        undo.telemetryId = ids[7];
        undo.expectedPrevious = QStringLiteral("incorrect");
        undo.reviewer = QStringLiteral("test");
        QVERIFY(feedback.restore(undo).ok());
        expectExact(ReviewRules::defaults(), "after an undo");
    }

    void outsideWrites()
    {
        const QString now = toDbDateTime(m_now);
        const QString older = toDbDateTime(m_now.addSecs(-3599));
        exec(QStringLiteral(
                 "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score, execution_time_ms,"
                 " metadata, created_at) VALUES ('Agent-A', 'deploy', '{\"action\":\"go\"}', 0.9, 10,"
                 " '{\"environment\":\"production\"}', ?), ('agent-b', 'chat_response', '{}', 0.72, 10,"
                 " '{\"teams_affected\":3}', ?), ('agent-c', 'chat_response', '{}', 0.97, 10, '{}', ?)"),
             {now, older, older});
        expectExact(ReviewRules::defaults(), "after another system's inserts");
        exec(QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'correct', accuracy = 1.0 WHERE id % 5 = 1"));
        exec(QStringLiteral("UPDATE ai_telemetry SET metadata = '{\"critical\":true}' WHERE id % 6 = 2"));
        exec(QStringLiteral("UPDATE ai_telemetry SET confidence_score = 0.5 WHERE id % 8 = 3"));
        exec(QStringLiteral("UPDATE ai_telemetry SET created_at = ? WHERE id % 9 = 4"),
             {toDbDateTime(m_now.addSecs(-86401))});
        exec(QStringLiteral("UPDATE ai_telemetry SET agent_id = 'agent-a' WHERE id % 10 = 5"));
        exec(QStringLiteral("UPDATE ai_telemetry SET human_feedback = NULL, accuracy = NULL WHERE id % 15 = 1"));
        expectExact(ReviewRules::defaults(), "after another system's updates");
        exec(QStringLiteral("DELETE FROM ai_telemetry WHERE id % 11 = 6"));
        expectExact(ReviewRules::defaults(), "after another system's deletes");
    }

    void bulkIngest()
    {
        insertMix(3000, 5);
        expectExact(ReviewRules::defaults(), "after a bulk ingest");
    }

    // `record --jsonl` works priorities out on the client where MariaDB cannot decide
    // otherwise (QueuePriorityGuess); near-misses of every text rule must still count as the
    // server's SQL says.
    void jsonlIngestWithNearMisses()
    {
        const QList<QJsonValue> tasks = {"deploy",          "Deploy",        "deployment_risk",
                                         "Deployment_Risk", "code_review ",  "code_review",
                                         "códe_review",     "chat_response", "rollback_decision"};
        const QList<QJsonValue> environments = {
            "production", "Production",     "production ",         "prodüction",         7,
            true,         QJsonValue::Null, QJsonObject{{"a", 1}}, QJsonValue::Undefined};
        const QList<QJsonValue> actions = {"rollback", "ROLLBACK", "approve"};
        const QList<QJsonValue> critical = {true, "true", 1, QJsonValue::Undefined};
        const QList<QJsonValue> teams = {2, 1, "5", 1e300, QJsonValue::Undefined};
        const QList<QJsonValue> severity = {"critical", "CRITICAL", QJsonValue::Undefined};
        static const double confidences[] = {0.3, 0.6999, 0.70, 0.8499, 0.85, 0.95, 0.9501, 0.99};
        static const qint64 ages[] = {30, 3500, 3601, 86000, 90000, 605500};
        QByteArray lines;
        for (int k = 0; k < 1500; ++k) {
            QJsonObject meta;
            auto put = [&](const char *key, const QList<QJsonValue> &values, int step) {
                const QJsonValue v = values[(k / step) % values.size()];
                if (!v.isUndefined())
                    meta.insert(QLatin1String(key), v);
            };
            put("environment", environments, 1);
            put("critical", critical, 5);
            put("teams_affected", teams, 7);
            put("severity", severity, 3);
            const QJsonObject row{{"agent_id", k % 2 ? "Agent-A" : "agent-a"},
                                  {"task_type", tasks[(k / 2) % tasks.size()]},
                                  {"decision", QJsonObject{{"action", actions[(k / 11) % actions.size()]}}},
                                  {"confidence", confidences[(k / 13) % std::size(confidences)]},
                                  {"execution_time_ms", 100},
                                  {"metadata", meta},
                                  {"created_at", toIsoUtc(m_now.addSecs(-ages[k % std::size(ages)]))}};
            lines += QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n';
        }
        QBuffer input(&lines);
        QVERIFY(input.open(QIODevice::ReadOnly));
        auto report = ingestJsonl(*m_db, input, {});
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->written.inserted, qint64(1500));
        expectExact(ReviewRules::defaults(), "after record --jsonl with near-misses", false);
        // Another system's row with a number beyond DECIMAL: the triggers compare as DOUBLE.
        exec(QStringLiteral(
                 "INSERT INTO ai_telemetry (agent_id, task_type, decision_made, confidence_score,"
                 " execution_time_ms, metadata, created_at) VALUES ('agent-a', 'chat_response', '{}', 0.99, 5,"
                 " '{\"teams_affected\": 1e300}', ?)"),
             {toDbDateTime(m_now)});
        expectExact(ReviewRules::defaults(), "after another system's row with 1e300", false);
        // The C++ rules of the other cases do not follow the server's collation.
        exec(QStringLiteral("DELETE FROM ai_telemetry WHERE id >= ?"), {report->written.firstId});
        expectExact(ReviewRules::defaults(), "after deleting the near-misses");
    }

private:
    static ReviewRules editedRules()
    {
        ReviewRules edited = ReviewRules::defaults();
        edited.priority(Priority::P0).rules.back().value = 0.8;
        edited.priority(Priority::P1).slaHours = 2;
        edited.priority(Priority::P3).samplePercent = 40;
        return edited;
    }

private slots:
    void otherRulesCountFromRowsUntilRebuilt()
    {
        const ReviewRules edited = editedRules();
        auto installed = queuecounts::installedFor(*m_db, edited);
        QVERIFY(installed && !*installed);
        auto raw = queuecounts::read(*m_db, edited, {}, m_now);
        QVERIFY(raw && !*raw);
        auto fromQueue = ReviewQueue(m_db, edited).counts({}, m_now);
        QCOMPARE(text(*fromQueue), text(naive(edited, {}, m_now)));

        auto rebuilt = queuecounts::rebuild(*m_db, edited);
        QVERIFY(rebuilt && *rebuilt);
        expectExact(edited, "after a rebuild for edited rules");
        insertMix(200, 3);
        exec(QStringLiteral(
            "UPDATE ai_telemetry SET human_feedback = 'partially_correct', accuracy = 0.5 WHERE id % 4 = 0"));
        expectExact(edited, "edited rules, after more writes");
    }

    // Two sessions with different rules: each set keeps its own rows and triggers, so building
    // one never rebuilds the other, and both stay exact through every kind of write.
    void twoRuleSetsKeepTheirOwnCounts()
    {
        const ReviewRules defaults = ReviewRules::defaults();
        const ReviewRules edited = editedRules();
        QVERIFY(queuecounts::rulesId(defaults) != queuecounts::rulesId(edited));
        auto installed = queuecounts::installedFor(*m_db, defaults);
        QVERIFY2(installed && *installed, "the edited rules' build replaced the defaults'");
        expectExact(defaults, "defaults, after the edited rules were built");

        insertMix(300, 11);
        exec(QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'correct', accuracy = 1.0 WHERE id % 7 = 2"));
        exec(QStringLiteral("UPDATE ai_telemetry SET confidence_score = 0.82 WHERE id % 13 = 5"));
        exec(QStringLiteral("DELETE FROM ai_telemetry WHERE id % 19 = 3"));
        expectExact(defaults, "two rule sets, defaults after writes");
        expectExact(edited, "two rule sets, edited after writes");

        // Rebuilding one set leaves the other's rows as they are (and still exact).
        auto rebuilt = queuecounts::rebuild(*m_db, defaults);
        QVERIFY(rebuilt && *rebuilt);
        expectExact(edited, "edited, after the defaults were rebuilt");
        expectExact(defaults, "defaults, rebuilt");

        // The bulk path adds its rows for every set.
        insertMix(1500, 13);
        expectExact(defaults, "two rule sets, defaults after a bulk ingest");
        expectExact(edited, "two rule sets, edited after a bulk ingest");
        insertMix(1500, 17, true);
        expectExact(defaults, "two rule sets, defaults after record --jsonl");
        expectExact(edited, "two rule sets, edited after record --jsonl");
    }

    void droppedTriggersAreNotTrusted()
    {
        // Reads cache the trigger list: a trigger dropped behind the app's back is noticed
        // once the list is older than the recheck interval.
        const auto interval = telemetryTriggersRecheckInterval();
        setTelemetryTriggersRecheckInterval(std::chrono::milliseconds(200));
        auto kept = queuecounts::read(*m_db, editedRules(), {}, m_now);
        QVERIFY(kept && *kept);
        exec(QStringLiteral("DROP TRIGGER IF EXISTS %1")
                 .arg(queuecounts::triggerNames(queuecounts::rulesId(editedRules()))[1]));
        QThread::msleep(250);
        kept = queuecounts::read(*m_db, editedRules(), {}, m_now);
        setTelemetryTriggersRecheckInterval(interval);
        QVERIFY(kept && !*kept);
    }

    // Past kMaxRuleSets the set built longest ago is dropped with its triggers.
    void oldestRuleSetIsDroppedPastTheCap()
    {
        std::vector<ReviewRules> sets;
        for (int i = 0; i < queuecounts::kMaxRuleSets; ++i) {
            ReviewRules r = ReviewRules::defaults();
            r.priority(Priority::P3).samplePercent = 20 + i;
            sets.push_back(r);
            QThread::msleep(5);  // distinct build times
            auto rebuilt = queuecounts::rebuild(*m_db, r);
            QVERIFY(rebuilt && *rebuilt);
        }
        auto kept = queuecounts::triggerRuleSets(*m_db);
        QVERIFY(kept);
        QCOMPARE(static_cast<int>(kept->size()), queuecounts::kMaxRuleSets);
        for (const ReviewRules &r : sets) {
            auto installed = queuecounts::installedFor(*m_db, r);
            QVERIFY(installed && *installed);
        }
        auto dropped = queuecounts::installedFor(*m_db, editedRules());
        QVERIFY(dropped && !*dropped);
        auto rows = execQuery(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_queue_total WHERE rules_id = ?"),
                              {queuecounts::rulesId(editedRules())}, QStringLiteral("test read"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toLongLong(), 0LL);
        insertMix(100, 17);
        expectExact(sets.back(), "newest set, after writes");
        expectExact(sets.front(), "oldest kept set, after writes");
    }
};

QTEST_GUILESS_MAIN(TestQueueCounts)
#include "tst_queue_counts.moc"

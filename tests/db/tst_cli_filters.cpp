#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

// Ids that break naive SQL, differ from each other only where MySQL's default collation
// would fold them together (case, accents, trailing space), or are LIKE wildcards.
const QStringList kHostile = {
    QStringLiteral("' OR 1=1 --"),
    QStringLiteral("a'); DROP TABLE ai_telemetry; --"),
    QStringLiteral("\"double\" and `back` quotes\\"),
    QStringLiteral("agénte-ñandú-🚀"),
    QStringLiteral("agente-nandu-🚀"),
    QStringLiteral("Agent-A"),
    QStringLiteral("agent-a"),
    QStringLiteral("agent-a "),
    QStringLiteral("%"),
    QStringLiteral("_"),
};

}  // namespace

class TestCliFilters : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;

private slots:
    void initTestCase()
    {
        m_fresh = freshDatabase();
        QVERIFY(m_fresh.db);
        std::vector<DecisionInput> rows;
        // Agent i has i + 1 decisions, so every count identifies exactly one agent.
        for (qsizetype i = 0; i < kHostile.size(); ++i) {
            for (qsizetype n = 0; n <= i; ++n) {
                DecisionInput d;
                d.agentId = kHostile[i];
                d.taskType = kHostile[(i + 1) % kHostile.size()].left(50);
                d.decision = {{"n", int(n)}};
                d.confidence = 0.5;
                d.executionTimeMs = 100 + i;
                d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
                rows.push_back(d);
            }
        }
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void everyFilterTreatsTheIdAsData_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < kHostile.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("id %1").arg(i))) << int(i);
    }
    void everyFilterTreatsTheIdAsData()
    {
        QFETCH(int, index);
        const QString id = kHostile[index];
        const int expected = index + 1;
        const CliRun agent = runCliOn(m_fresh, {"agent", id});
        QVERIFY2(agent.exitCode == 0, agent.err.constData());
        QCOMPARE(agent.json().object().value("agent_id").toString(), id);
        QCOMPARE(agent.json().object().value("total_decisions").toInt(), expected);

        const CliRun accuracy = runCliOn(m_fresh, {"accuracy", "--agent", id});
        QVERIFY2(accuracy.exitCode == 0, accuracy.err.constData());
        const QJsonObject a = accuracy.json().object();
        QCOMPARE(a.value("filters").toObject().value("agent_id").toString(), id);
        QVERIFY(a.value("filters").toObject().value("task_type").isNull());
        QCOMPARE(a.value("accuracy").toObject().value("total_decisions").toInt(), expected);

        // The task type of agent i is the id of agent i + 1.
        const int byTask = (index + kHostile.size() - 1) % kHostile.size() + 1;
        const CliRun task = runCliOn(m_fresh, {"accuracy", "--task", id});
        QVERIFY2(task.exitCode == 0, task.err.constData());
        QCOMPARE(task.json().object().value("accuracy").toObject().value("total_decisions").toInt(),
                 id.size() <= 50 ? byTask : 0);

        const CliRun trends = runCliOn(m_fresh, {"trends", "--days", "2", "--agent", id});
        QVERIFY2(trends.exitCode == 0, trends.err.constData());
        int sum = 0;
        for (const QJsonValue &day : trends.json().object().value("days").toArray())
            sum += day.toObject().value("decisions").toInt();
        QCOMPARE(sum, expected);
    }

    void agentsListsEachIdOnce()
    {
        const CliRun run = runCliOn(m_fresh, {"agents"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QMap<QString, int> seen;
        for (const QJsonValue &row : run.json().object().value("agents").toArray())
            seen[row.toObject().value("agent_id").toString()] = row.toObject().value("decisions").toInt();
        QCOMPARE(seen.size(), kHostile.size());
        for (qsizetype i = 0; i < kHostile.size(); ++i)
            QCOMPARE(seen.value(kHostile[i]), int(i + 1));
    }

    void unknownLookalikesAreNotFound_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("injection variant") << "' OR 1=1 -- x";
        QTest::newRow("upper case") << "AGENT-A";
        QTest::newRow("two trailing spaces") << "agent-a  ";
        QTest::newRow("accent folded") << "agente-nañdu-🚀";
    }
    void unknownLookalikesAreNotFound()
    {
        QFETCH(QString, id);
        const CliRun agent = runCliOn(m_fresh, {"agent", id});
        QCOMPARE(agent.exitCode, 3);
        QVERIFY2(agent.err.startsWith("error: "), agent.err.constData());
        const CliRun accuracy = runCliOn(m_fresh, {"accuracy", "--agent", id});
        QVERIFY2(accuracy.exitCode == 0, accuracy.err.constData());
        QCOMPARE(accuracy.json().object().value("accuracy").toObject().value("total_decisions").toInt(), 0);
        QCOMPARE(scalar(*m_fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(55));
    }
};

QTEST_GUILESS_MAIN(TestCliFilters)
#include "tst_cli_filters.moc"

#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

namespace {

QByteArray body(const QString &agent, double confidence = 0.9, int ms = 120)
{
    return QJsonDocument(QJsonObject{{"agent_id", agent},
                                     {"task_type", "code_review"},
                                     {"decision", QJsonObject{{"action", "approve"}}},
                                     {"confidence", confidence},
                                     {"execution_time_ms", ms}})
        .toJson(QJsonDocument::Compact);
}

}  // namespace

class TestCliRecord : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content) { return test::writeFile(m_dir, name, content); }

private slots:
    void recordsOneDecision()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QByteArray in = R"({"agent_id":"deploy-bot","task_type":"deployment_risk","decision":{"go":true},)"
                              R"("confidence":0.92346,"execution_time_ms":150,"metadata":{"pr":7},)"
                              R"("created_at":"2026-01-02T03:04:05Z"})";
        const CliRun run = runCliOn(fresh, {"record"}, in);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QVERIFY(out.value("id").toInteger() > 0);
        QCOMPARE(out.value("agent_id").toString(), QStringLiteral("deploy-bot"));
        QCOMPARE(out.value("task_type").toString(), QStringLiteral("deployment_risk"));
        QCOMPARE(out.value("confidence_score").toDouble(), 0.9235);  // DECIMAL(5,4)
        QCOMPARE(out.value("created_at").toString(), QStringLiteral("2026-01-02T03:04:05Z"));
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry WHERE human_feedback IS NULL"), qint64(1));
        QCOMPARE(scalar(*fresh.db, "SELECT execution_time_ms FROM ai_telemetry"), qint64(150));

        const QString file = writeFile("one.json", body("from-file"));
        const CliRun fromFile = runCliOn(fresh, {"record", "--file", file});
        QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());
        QCOMPARE(fromFile.json().object().value("id").toInteger(), out.value("id").toInteger() + 1);
    }

    void invalidInputNamesTheFieldAndExits2_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("field");
        QTest::newRow("agent missing") << QByteArray(
            R"({"task_type":"t","decision":{},"confidence":0.5,"execution_time_ms":1})")
                                       << "agent_id";
        QTest::newRow("agent too long") << body(QString(101, QLatin1Char('a'))) << "agent_id";
        QTest::newRow("task too long") << QByteArray(body("a")).replace("code_review", QByteArray(51, 't'))
                                       << "task_type";
        QTest::newRow("decision not object")
            << QByteArray(R"({"agent_id":"a","task_type":"t","decision":"x","confidence":0.5,"execution_time_ms":1})")
            << "decision";
        QTest::newRow("confidence 1.7") << QByteArray(
            R"({"agent_id":"a","task_type":"t","decision":{},"confidence":1.7,"execution_time_ms":1})")
                                        << "confidence";
        QTest::newRow("time negative") << QByteArray(
            R"({"agent_id":"a","task_type":"t","decision":{},"confidence":0.5,"execution_time_ms":-3})")
                                       << "execution_time_ms";
        QTest::newRow("metadata array") << QByteArray(
            R"({"agent_id":"a","task_type":"t","decision":{},"confidence":0.5,"execution_time_ms":1,"metadata":[]})")
                                        << "metadata";
        QTest::newRow("not json") << QByteArray("{nope") << "JSON";
        // Documented range: 2000-01-01T00:00:00Z to now + 1 day (a rebuild spans what is stored).
        for (const char *year : {"1900", "1970", "9999"})
            QTest::newRow((QByteArray("created_at ") + year).constData())
                << QByteArray(R"({"agent_id":"a","task_type":"t","decision":{},"confidence":0.5,"execution_time_ms":1,)"
                              R"("created_at":")")
                       + year + "-06-01T00:00:00Z\"}"
                << "outside the accepted range 2000-01-01T00:00:00Z to ";
    }
    void invalidInputNamesTheFieldAndExits2()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, field);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const CliRun run = runCliOn(fresh, {"record"}, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("error: ") && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(field), run.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }

    void jsonlIsAllOrNothing()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QByteArray content =
            body("l1") + "\n" + body("l2", 1.5) + "\n" + body("l3") + "\n" + "{broken\n" + body("l5") + "\n";
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", writeFile("mixed.jsonl", content)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith("error: ") && run.err.contains("lines 2, 4"), run.err.constData());
        QVERIFY2(run.err.contains("confidence"), run.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }

    void jsonlListsTheFirstTwentyBadLines()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QByteArray content;
        for (int i = 1; i <= 30; ++i)
            content += (i % 2 ? body("ok") : QByteArray("[]")) + "\n";
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", "-"}, content);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("15 invalid"), run.err.constData());
        QVERIFY2(run.err.contains("2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30"), run.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }

    void skipInvalidWritesValidAndRejectsTheRest()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QByteArray bad2 = "{broken";
        const QByteArray bad4 = body("l4", 1.5);
        const QByteArray content =
            body("l1") + "\n" + bad2 + "\n" + body("l3") + "\n" + bad4 + "\n" + "\n" + body("l6") + "\n";
        const QString rejects = m_dir.filePath("rejects.jsonl");
        const CliRun run = runCliOn(
            fresh, {"record", "--jsonl", writeFile("skip.jsonl", content), "--skip-invalid", "--rejects", rejects});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("inserted").toInteger(), qint64(3));
        QCOMPARE(out.value("rejected").toInteger(), qint64(2));
        QCOMPARE(out.value("last_id").toInteger() - out.value("first_id").toInteger(), qint64(2));
        QCOMPARE(test::agentsInIdOrder(*fresh.db), QStringList({"l1", "l3", "l6"}));
        QFile f(rejects);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bad2 + "\n" + bad4 + "\n");
    }

    void batchIdsAreConsecutiveInFileOrder()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        // More rows than one multi-row statement holds, and a partial last statement.
        const int n = 1234;
        QByteArray content;
        QStringList expected;
        for (int i = 0; i < n; ++i) {
            const QString agent = QStringLiteral("agent-%1").arg(i, 4, 10, QLatin1Char('0'));
            expected << agent;
            content += body(agent, (i % 100) / 100.0, i) + "\n";
        }
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", writeFile("big.jsonl", content)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("inserted").toInteger(), qint64(n));
        QCOMPARE(out.value("rejected").toInteger(), qint64(0));
        const qint64 first = out.value("first_id").toInteger();
        QCOMPARE(out.value("last_id").toInteger(), first + n - 1);
        QCOMPARE(scalar(*fresh.db, "SELECT MIN(id) FROM ai_telemetry"), first);
        QCOMPARE(test::agentsInIdOrder(*fresh.db), expected);
        QCOMPARE(scalar(*fresh.db, "SELECT id FROM ai_telemetry WHERE agent_id = ?", {"agent-0777"}), first + 777);
    }

    // More lines than several INSERT statements and parser chunks hold: the writer has sent
    // whole statements before the parser reaches the bad lines, and still nothing stays.
    void lateBadLineRollsBackEarlierStatements_data()
    {
        QTest::addColumn<int>("badLine");
        QTest::newRow("after four statements") << 8001;
        QTest::newRow("last line") << 9000;
    }
    void lateBadLineRollsBackEarlierStatements()
    {
        QFETCH(int, badLine);
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QByteArray content;
        for (int i = 1; i <= 9000; ++i)
            content += (i == badLine ? body("late", 2.5) : body(QStringLiteral("a%1").arg(i % 7))) + "\n";
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", writeFile("late.jsonl", content)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(
                     QStringLiteral("1 invalid line(s), nothing was written; lines %1 (line %1: field 'confidence'")
                         .arg(badLine)
                         .toUtf8()),
                 run.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }

    void skipInvalidAcrossStatementsKeepsFileOrder()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QByteArray content;
        QByteArray rejected;
        QStringList expected;
        for (int i = 1; i <= 6000; ++i) {
            if (i % 1000 == 0) {
                const QByteArray bad = body(QStringLiteral("bad%1").arg(i), 1.5);
                content += bad + "\n";
                rejected += bad + "\n";
            } else {
                expected << QStringLiteral("r%1").arg(i);
                content += body(expected.last(), 0.5, i) + "\n";
            }
        }
        const QString rejects = m_dir.filePath("across.rejects");
        const CliRun run = runCliOn(
            fresh, {"record", "--jsonl", writeFile("across.jsonl", content), "--skip-invalid", "--rejects", rejects});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("inserted").toInteger(), qint64(5994));
        QCOMPARE(out.value("rejected").toInteger(), qint64(6));
        QCOMPARE(out.value("last_id").toInteger() - out.value("first_id").toInteger(), qint64(5993));
        QCOMPARE(test::agentsInIdOrder(*fresh.db), expected);
        QCOMPARE(scalar(*fresh.db, "SELECT SUM(execution_time_ms) FROM ai_telemetry"),
                 qint64(6000) * 6001 / 2 - (1000 + 2000 + 3000 + 4000 + 5000 + 6000));
        QFile f(rejects);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), rejected);
    }

    void unwritableRejectsFileWritesNothing()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        QByteArray content;
        for (int i = 1; i <= 5000; ++i)
            content += (i == 4500 ? QByteArray("{broken") : body("ok")) + "\n";
        const CliRun run = runCliOn(fresh,
                                    {"record", "--jsonl", writeFile("rj.jsonl", content), "--skip-invalid", "--rejects",
                                     m_dir.filePath("no/such/dir/rejects")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("cannot write the rejects file") && run.err.contains("nothing was written"),
                 run.err.constData());
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }

    void jsonlWithoutFinalNewlineAndCrLf()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QByteArray content = body("crlf") + "\r\n\r\n" + body("last");
        const CliRun run = runCliOn(fresh, {"record", "--jsonl", "-"}, content);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(test::agentsInIdOrder(*fresh.db), QStringList({"crlf", "last"}));
    }

    void skipInvalidNeedsJsonl()
    {
        auto fresh = freshDatabase();
        QVERIFY(fresh.db);
        const CliRun run = runCliOn(fresh, {"record", "--skip-invalid"}, body("x"));
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(scalar(*fresh.db, "SELECT COUNT(*) FROM ai_telemetry"), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestCliRecord)
#include "tst_cli_record.moc"

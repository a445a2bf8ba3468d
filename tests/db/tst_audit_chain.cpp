#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"
#include "core/setup/SchemaInstaller.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"
#include "core/telemetry/FeedbackRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

using namespace atalaya;
using namespace atalaya::test;

// The audit log as evidence: the database refuses UPDATE and DELETE on it, and `audit verify`
// finds a row altered or removed by someone who dropped the triggers first (docs/DATA.md).
class TestAuditChain : public QObject {
    Q_OBJECT
private:
    FreshDatabase m_fresh;
    QList<qint64> m_decisions;

    static QList<qint64> addDecisions(const FreshDatabase &fresh, int n)
    {
        QList<qint64> ids;
        for (int i = 0; i < n; ++i) {
            DecisionInput d;
            d.agentId = i % 2 ? QStringLiteral("agent-odd") : QStringLiteral("agent-even");
            d.taskType = QStringLiteral("triage");
            d.decision = {{"label", "bug"}};
            d.confidence = 0.8;
            d.executionTimeMs = 50;
            auto r = DecisionRecorder(fresh.db).record(d);
            if (!r)
                return {};
            ids << r->id;
        }
        return ids;
    }

    static bool review(const FreshDatabase &fresh, qint64 id, Feedback value, const QString &reviewer,
                       const QString &note = {})
    {
        FeedbackRequest request;
        request.telemetryId = id;
        request.value = value;
        request.reviewer = reviewer;
        request.note = note;
        auto written = FeedbackRepository(fresh.db).record(request);
        if (!written)
            qWarning() << written.error().message;
        return written.ok();
    }

    // A fresh database with `n` reviewed decisions.
    static FreshDatabase reviewedDatabase(int n)
    {
        FreshDatabase fresh = freshDatabase();
        if (!fresh.db)
            return fresh;
        const QList<qint64> ids = addDecisions(fresh, n);
        for (int i = 0; i < ids.size(); ++i) {
            if (!review(fresh, ids[i], i % 3 ? Feedback::Correct : Feedback::Incorrect,
                        i % 2 ? QStringLiteral("ana") : QStringLiteral("luis"), QStringLiteral("note %1").arg(i)))
                return {};
        }
        return fresh;
    }

    // What a superuser can do: drop the triggers, then change the rows.
    static bool dropTriggers(const Database &db)
    {
        for (const QString &name : auditchain::triggerNames()) {
            if (!execStatement(db, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(name), {}, "drop trigger"))
                return false;
        }
        return true;
    }

    static bool exec(const Database &db, const QString &sql, const QVariantList &values = {})
    {
        Status s = execStatement(db, sql, values, QStringLiteral("test step"));
        if (!s)
            qWarning() << s.error().message;
        return s.ok();
    }

    static qint64 auditRows(const Database &db) { return scalar(db, "SELECT COUNT(*) FROM atalaya_feedback_audit"); }

private slots:
    void initTestCase()
    {
        m_fresh = reviewedDatabase(6);
        QVERIFY(m_fresh.db);
    }

    void updateAndDeleteAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update audit") << "UPDATE atalaya_feedback_audit SET note = 'rewritten'";
        QTest::newRow("update one audit row") << "UPDATE atalaya_feedback_audit SET new_value = 'correct' WHERE id = 2";
        QTest::newRow("delete audit") << "DELETE FROM atalaya_feedback_audit";
        QTest::newRow("delete one audit row") << "DELETE FROM atalaya_feedback_audit WHERE id = 3";
        QTest::newRow("update chain") << "UPDATE atalaya_feedback_audit_chain SET row_hash = prev_hash";
        QTest::newRow("delete chain") << "DELETE FROM atalaya_feedback_audit_chain WHERE seq = 1";
    }
    void updateAndDeleteAreRefused()
    {
        QFETCH(QString, sql);
        const qint64 before = auditRows(*m_fresh.db);
        const QString notes = QStringLiteral("SELECT COUNT(*) FROM atalaya_feedback_audit WHERE note LIKE 'note %'");
        const qint64 notesBefore = scalar(*m_fresh.db, notes);
        Status s = execStatement(*m_fresh.db, sql, {}, QStringLiteral("tampering"));
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("append-only")), qPrintable(s.error().message));
        QCOMPARE(auditRows(*m_fresh.db), before);
        QCOMPARE(scalar(*m_fresh.db, notes), notesBefore);
        QCOMPARE(scalar(*m_fresh.db, "SELECT COUNT(*) FROM atalaya_feedback_audit_chain"), before);
        const CliRun verify = runCliOn(m_fresh, {"audit", "verify"});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
    }

    void intactChainVerifies()
    {
        const CliRun run = runCliOn(m_fresh, {"audit", "verify"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QJsonObject out = run.json().object();
        QCOMPARE(out.value("intact").toBool(), true);
        QCOMPARE(out.value("chained").toInteger(), auditRows(*m_fresh.db));
        QCOMPARE(out.value("head_seq").toInteger(), auditRows(*m_fresh.db));
        QCOMPARE(out.value("head_hash").toString().size(), 64);
        QCOMPARE(out.value("unchained").toInteger(), 0);
    }

    // The documented canonical form, recomputed by sha256sum from the row as stored.
    void hashIsRecomputableWithSha256sum()
    {
        auto q = execQuery(*m_fresh.db,
                           QStringLiteral("SELECT c.seq, c.prev_hash, c.row_hash, %1 FROM atalaya_feedback_audit_chain c"
                                          " JOIN atalaya_feedback_audit a ON a.id = c.audit_id WHERE c.seq = 2")
                               .arg(auditchain::auditColumns(m_fresh.db->dialect(), "a")),
                           {}, "reading link 2");
        QVERIFY(q && q->next());
        auditchain::ChainedRow row = auditchain::rowFromQuery(*q, 3);
        row.seq = q->value(0).toLongLong();
        row.prevHash = q->value(1).toString();
        const QString stored = q->value(2).toString();
        const QByteArray canonical = auditchain::canonicalText(row);
        QVERIFY2(canonical.startsWith("[2,2,"), canonical.constData());
        QVERIFY2(canonical.contains(",\"note 1\","), canonical.constData());
        QVERIFY2(canonical.endsWith(",\"" + row.prevHash.toLatin1() + "\"]"), canonical.constData());
        QProcess sha;
        sha.start(QStringLiteral("sha256sum"), {});
        QVERIFY(sha.waitForStarted());
        sha.write(canonical);
        sha.closeWriteChannel();
        QVERIFY(sha.waitForFinished());
        QCOMPARE(QString::fromLatin1(sha.readAllStandardOutput().left(64)), stored);
    }

    // Python's json.dumps(…, ensure_ascii=False, separators=(",", ":")) is the reference.
    void canonicalTextMatchesPythonJson()
    {
        auditchain::ChainedRow row;
        row.seq = 7;
        row.auditId = 9;
        row.telemetryId = 12345;
        row.newValue = QStringLiteral("partially_correct");
        row.reviewer = QStringLiteral("José \"Pepe\"");
        row.note = QStringLiteral("line\nnext\ttab\\ \x01 ü €");
        row.clientHost = QStringLiteral("host");
        row.createdAt = QStringLiteral("2026-12-06 10:00:00.123000");
        row.prevHash = QLatin1String(auditchain::kGenesisHash);
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import json,sys; r=json.load(sys.stdin); "
                                 "sys.stdout.buffer.write(json.dumps(r, ensure_ascii=False, separators=(',', ':'))"
                                 ".encode())")});
        QVERIFY(py.waitForStarted());
        QJsonArray input{7, 9, 12345, QJsonValue(), *row.newValue, *row.reviewer, *row.note, *row.clientHost,
                         row.createdAt, row.prevHash};
        py.write(QJsonDocument(input).toJson());
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished());
        QCOMPARE(auditchain::canonicalText(row), py.readAllStandardOutput());
    }

    void alteredRowIsNamed_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("note") << "UPDATE atalaya_feedback_audit SET note = 'nothing to see' WHERE id = 3";
        QTest::newRow("verdict") << "UPDATE atalaya_feedback_audit SET new_value = 'incorrect' WHERE id = 3";
        QTest::newRow("reviewer") << "UPDATE atalaya_feedback_audit SET reviewer = 'boss' WHERE id = 3";
        QTest::newRow("time") << "UPDATE atalaya_feedback_audit SET created_at = '2020-01-01 00:00:00' WHERE id = 3";
    }
    void alteredRowIsNamed()
    {
        QFETCH(QString, sql);
        FreshDatabase fresh = reviewedDatabase(5);
        QVERIFY(fresh.db);
        QVERIFY(dropTriggers(*fresh.db));
        QVERIFY(exec(*fresh.db, sql));
        const CliRun run = runCliOn(fresh, {"audit", "verify"});
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.startsWith("error: ") && run.err.contains("audit row 3") && run.err.count('\n') == 1,
                 run.err.constData());
        const QJsonObject bad = run.json().object().value("first_bad").toObject();
        QCOMPARE(run.json().object().value("intact").toBool(), false);
        QCOMPARE(bad.value("problem").toString(), QStringLiteral("altered"));
        QCOMPARE(bad.value("audit_id").toInteger(), 3);
        QCOMPARE(bad.value("seq").toInteger(), 3);
    }

    void removedRowIsNamed_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<qint64>("seq");
        QTest::addColumn<qint64>("auditId");
        QTest::newRow("audit row only") << QStringList{"DELETE FROM atalaya_feedback_audit WHERE id = 2"} << "removed"
                                        << qint64(2) << qint64(2);
        QTest::newRow("row and its link")
            << QStringList{"DELETE FROM atalaya_feedback_audit WHERE id = 2",
                           "DELETE FROM atalaya_feedback_audit_chain WHERE audit_id = 2"}
            << "link_removed" << qint64(2) << qint64(-1);
        QTest::newRow("first row and its link")
            << QStringList{"DELETE FROM atalaya_feedback_audit WHERE id = 1",
                           "DELETE FROM atalaya_feedback_audit_chain WHERE audit_id = 1"}
            << "link_removed" << qint64(1) << qint64(-1);
        QTest::newRow("last row and its link")
            << QStringList{"DELETE FROM atalaya_feedback_audit WHERE id = 5",
                           "DELETE FROM atalaya_feedback_audit_chain WHERE audit_id = 5"}
            << "tail_removed" << qint64(5) << qint64(-1);
        QTest::newRow("link rewritten")
            << QStringList{"UPDATE atalaya_feedback_audit_chain SET prev_hash = row_hash WHERE seq = 4"}
            << "link_altered" << qint64(4) << qint64(4);
    }
    void removedRowIsNamed()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, problem);
        QFETCH(qint64, seq);
        QFETCH(qint64, auditId);
        FreshDatabase fresh = reviewedDatabase(5);
        QVERIFY(fresh.db);
        QVERIFY(dropTriggers(*fresh.db));
        for (const QString &sql : statements)
            QVERIFY(exec(*fresh.db, sql));
        const CliRun run = runCliOn(fresh, {"audit", "verify"});
        QCOMPARE(run.exitCode, 6);
        QVERIFY2(run.err.startsWith("error: "), run.err.constData());
        const QJsonObject bad = run.json().object().value("first_bad").toObject();
        QCOMPARE(bad.value("problem").toString(), problem);
        QCOMPARE(bad.value("seq").toInteger(), seq);
        if (auditId > 0) {
            QCOMPARE(bad.value("audit_id").toInteger(), auditId);
            QVERIFY2(run.err.contains(QStringLiteral("audit row %1").arg(auditId).toUtf8()), run.err.constData());
        } else {
            QVERIFY(bad.value("audit_id").isNull());
        }
    }

    // Another system's INSERT is not refused; its row is chained by Atalaya's next write, and
    // until then verify lists it as unchained.
    void rowsOfOtherWritersAreChainedLater()
    {
        FreshDatabase fresh = reviewedDatabase(3);
        QVERIFY(fresh.db);
        QVERIFY(exec(*fresh.db,
                     "INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value, new_value, reviewer, note,"
                     " client_host, created_at) VALUES (1, 'correct', 'incorrect', 'etl-bot', NULL, 'etl',"
                     " '2026-12-01 08:00:00.000')"));
        const CliRun before = runCliOn(fresh, {"audit", "verify"});
        QVERIFY2(before.exitCode == 0, before.err.constData());
        QCOMPARE(before.json().object().value("unchained").toInteger(), 1);
        QCOMPARE(before.json().object().value("unchained_ids").toArray().first().toInteger(), 4);
        QVERIFY2(before.err.startsWith("warning: ") && before.err.contains("not chained"), before.err.constData());

        QVERIFY(review(fresh, 2, Feedback::Correct, QStringLiteral("ana")));
        const CliRun after = runCliOn(fresh, {"audit", "verify"});
        QVERIFY2(after.exitCode == 0, after.err.constData());
        QCOMPARE(after.json().object().value("unchained").toInteger(), 0);
        QCOMPARE(after.json().object().value("chained").toInteger(), 5);
    }

    // Rows written before the chain existed are chained, in id order, by the init that adds it.
    void existingRowsAreChainedByTheMigration()
    {
        FreshDatabase fresh = reviewedDatabase(4);
        QVERIFY(fresh.db);
        QVERIFY(dropTriggers(*fresh.db));
        QVERIFY(exec(*fresh.db, "DROP TABLE atalaya_feedback_audit_chain"));
        QVERIFY(exec(*fresh.db, "DROP TABLE atalaya_feedback_audit_head"));
        QVERIFY(exec(*fresh.db, "DELETE FROM atalaya_schema_version WHERE version = 2"));
        QVERIFY(exec(*fresh.db,
                     "INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value, new_value, reviewer, note,"
                     " client_host, created_at) VALUES (3, NULL, 'correct', 'old-tool', 'before the chain', 'legacy',"
                     " '2025-01-01 00:00:00.000')"));
        const CliRun init = runCliOn(fresh, {"init"});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        QVERIFY(init.json().object().value("migrated").toArray().contains(QStringLiteral("feedback_audit_chain")));
        QCOMPARE(init.json().object().value("audit_rows_chained").toInteger(), 5);
        QCOMPARE(init.json().object().value("audit_log").toString(), QStringLiteral("append_only"));
        const CliRun run = runCliOn(fresh, {"audit", "verify"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().object().value("chained").toInteger(), 5);
        QVERIFY(!execStatement(*fresh.db, "DELETE FROM atalaya_feedback_audit WHERE id = 5", {}, "delete"));
    }

    // Writers in parallel threads (each with its own connection) append one link at a time.
    void concurrentWritersKeepOneChain()
    {
        FreshDatabase fresh = freshDatabase();
        QVERIFY(fresh.db);
        const QList<qint64> ids = addDecisions(fresh, 40);
        QCOMPARE(ids.size(), 40);
        std::atomic_int written = 0;
        QList<QFuture<void>> workers;
        for (int w = 0; w < 4; ++w) {
            workers << QtConcurrent::run([&fresh, &ids, &written, w] {
                for (int i = w; i < ids.size(); i += 4) {
                    FeedbackRequest request;
                    request.telemetryId = ids[i];
                    request.reviewer = QStringLiteral("worker-%1").arg(w);
                    // SQLite may answer "locked" to a writer that read first; MariaDB waits.
                    if (FeedbackRepository(fresh.db).record(request))
                        ++written;
                }
            });
        }
        for (QFuture<void> &f : workers)
            f.waitForFinished();
        if (currentBackend() == TestBackend::MariaDB)
            QCOMPARE(written.load(), 40);
        QVERIFY(written.load() > 0);
        QCOMPARE(auditRows(*fresh.db), qint64(written.load()));
        const CliRun run = runCliOn(fresh, {"audit", "verify"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().object().value("chained").toInteger(), qint64(written.load()));
        QCOMPARE(run.json().object().value("unchained").toInteger(), 0);
    }

    // RFC 4180 as Python's csv module reads it; the period's rows only, oldest first; a note
    // that looks like a formula is neutralised.
    void exportIsCsvOfThePeriod()
    {
        FreshDatabase fresh = reviewedDatabase(3);
        QVERIFY(fresh.db);
        QVERIFY(review(fresh, 2, Feedback::PartiallyCorrect, QStringLiteral("ana"),
                       QStringLiteral("=SUM(A1:A9), \"really\"\nsecond line")));
        QVERIFY(exec(*fresh.db,
                     "INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value, new_value, reviewer, note,"
                     " client_host, created_at) VALUES (1, NULL, 'correct', 'old-tool', NULL, 'legacy',"
                     " '2024-03-15 12:00:00.000')"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const CliRun run = runCliOn(fresh, {"audit", "export", "--from", QDateTime::currentDateTimeUtc().addDays(-1)
                                                                              .date().toString(Qt::ISODate),
                                            "--to", today, "--out", path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().object().value("rows").toInteger(), 4);
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import csv,json,sys; f=open(sys.argv[1], newline='', encoding='utf-8'); "
                                 "print(json.dumps(list(csv.reader(f, strict=True))))"),
                  path});
        QVERIFY(py.waitForFinished());
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonArray rows = QJsonDocument::fromJson(py.readAllStandardOutput()).array();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0].toArray().size(), 12);
        QCOMPARE(rows[0].toArray()[11].toString(), QStringLiteral("row_hash"));
        QStringList ids;
        for (int i = 1; i < rows.size(); ++i)
            ids << rows[i].toArray()[0].toString();
        QCOMPARE(ids, QStringList({"1", "2", "3", "4"}));  // not the 2024 row (id 5)
        const QJsonArray last = rows[4].toArray();
        QCOMPARE(last[4].toString(), QStringLiteral("ana"));
        QCOMPARE(last[6].toString(), QStringLiteral("partially_correct"));
        QCOMPARE(last[7].toString(), QStringLiteral("'=SUM(A1:A9), \"really\"\nsecond line"));
        QCOMPARE(last[9].toString(), QStringLiteral("4"));
        QCOMPARE(last[11].toString().size(), 64);
        QCOMPARE(rows[1].toArray()[10].toString(), QLatin1String(auditchain::kGenesisHash));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("\r\n"));

        const CliRun old = runCliOn(fresh, {"audit", "export", "--from", "2024-03-15", "--to", "2024-03-15", "--out",
                                            path});
        QVERIFY2(old.exitCode == 0, old.err.constData());
        QCOMPARE(old.json().object().value("rows").toInteger(), 1);
        const CliRun bad = runCliOn(fresh, {"audit", "export", "--from", "yesterday", "--out", path});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.startsWith("error: --from is 'yesterday'"), bad.err.constData());
    }

    void printSqlHasTheTriggers()
    {
        FreshDatabase fresh = freshDatabase(false);
        QVERIFY(fresh.db);
        const CliRun run = runCliOn(fresh, {"init", "--print-sql"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (const QString &name : auditchain::triggerNames())
            QVERIFY2(run.out.contains(("CREATE TRIGGER " + name).toUtf8())
                         || run.out.contains(("CREATE TRIGGER IF NOT EXISTS " + name).toUtf8()),
                     qPrintable(name));
        QVERIFY(run.out.contains("CREATE TABLE IF NOT EXISTS atalaya_feedback_audit_chain"));
        QVERIFY(run.out.contains(currentBackend() == TestBackend::MariaDB ? "SIGNAL SQLSTATE '45000'"
                                                                          : "RAISE(ABORT"));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"

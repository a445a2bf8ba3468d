#include "tests/support/PdfText.h"
#include "tests/support/CliRunner.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace atalaya;

// `atalaya-cli export csv|pdf` through the real binary: RFC 4180, formula neutralisation,
// filters, and a PDF that is really a PDF.
class TestExport : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    QTemporaryDir m_dir;

    test::CliRun run(const QStringList &args)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ATALAYA_DB_PASSWORD"), m_fresh.password);
        return test::runCli(QStringList{QStringLiteral("--db"), m_fresh.url, QStringLiteral("export")} + args, {}, env);
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(-3600);
        std::vector<DecisionInput> rows;
        for (const QString &agent :
             {QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("plain, \"quoted\""), QStringLiteral("b")}) {
            DecisionInput d;
            d.agentId = agent;
            d.taskType = QStringLiteral("x");
            d.decision = {{QStringLiteral("secret_payload"), QStringLiteral("do-not-export")}};
            d.confidence = 0.9;
            d.executionTimeMs = 120;
            d.feedback = Feedback::Correct;
            d.createdAt = t;
            rows.push_back(d);
        }
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void csv_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("rows");
        QTest::newRow("agents")
            << QStringList{"--what", "agents"}
            << QByteArray("agent_id,decisions,feedback_count,feedback_rate,accuracy_avg,avg_confidence,avg_execution_"
                          "time_ms,p50_execution_time_ms,p95_execution_time_ms,p99_execution_time_ms")
            << 3;
        QTest::newRow("decisions")
            << QStringList{"--what", "decisions"}
            << QByteArray("id,agent_id,task_type,confidence_score,human_feedback,accuracy,execution_time_ms,created_at")
            << 3;
        QTest::newRow("decisions of one agent")
            << QStringList{"--what", "decisions", "--agent", "b"}
            << QByteArray("id,agent_id,task_type,confidence_score,human_feedback,accuracy,execution_time_ms,created_at")
            << 1;
        QTest::newRow("trends, 3 days")
            << QStringList{"--what", "trends", "--days", "3"}
            << QByteArray("day,decisions,feedback_count,feedback_rate,accuracy_avg,avg_confidence,avg_execution_time_"
                          "ms,p50_execution_time_ms,p95_execution_time_ms,p99_execution_time_ms")
            << -1;
    }

    void csv()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, header);
        QFETCH(int, rows);
        const QString out = m_dir.filePath(QStringLiteral("out.csv"));
        const auto r = run(QStringList{QStringLiteral("csv"), QStringLiteral("--out"), out} + args);
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.endsWith("\r\n"));
        const QList<QByteArray> lines = data.trimmed().split('\n');
        QCOMPARE(lines.first().trimmed(), header);
        if (rows >= 0)
            QCOMPARE(lines.size() - 1, rows);
        else
            QVERIFY(lines.size() - 1 >= 3);  // today, plus the days before
        QCOMPARE(r.json().object().value(QStringLiteral("rows")).toInt(), lines.size() - 1);
        QVERIFY(!data.contains("do-not-export"));
        if (args.contains(QStringLiteral("agents")) || (args.contains(QStringLiteral("decisions")) && rows == 3)) {
            QVERIFY2(data.contains("\n'=cmd|' /C calc'!A0,") || data.contains(",'=cmd|' /C calc'!A0,"),
                     data.constData());
            QVERIFY(data.contains("\"plain, \"\"quoted\"\"\""));
        }
    }

    // Pending decisions in queue order, with the queue's reason and deadline; an agent name
    // that is a formula arrives neutralised.
    void queueCsv()
    {
        std::vector<DecisionInput> pending;
        for (double confidence : {0.95, 0.5}) {
            DecisionInput d;
            d.agentId = QStringLiteral("@SUM(A1)");
            d.taskType = QStringLiteral("x");
            d.decision = {{QStringLiteral("secret_payload"), QStringLiteral("do-not-export")}};
            d.confidence = confidence;
            d.executionTimeMs = 80;
            d.createdAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
            pending.push_back(d);
        }
        auto written = DecisionRecorder(m_fresh.db).recordBatch(pending);
        QVERIFY(written.ok());
        const QString out = m_dir.filePath(QStringLiteral("queue.csv"));
        const auto r = run(
            {QStringLiteral("csv"), QStringLiteral("--what"), QStringLiteral("queue"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(
            lines[0].trimmed(),
            QByteArray(
                "id,priority,reason,agent_id,task_type,confidence_score,execution_time_ms,created_at,due_at,overdue"));
        // P0 (confidence 0.50, overdue after 1 h) before P2.
        QVERIFY2(lines[1].startsWith(QByteArray::number(written->lastId)
                                     + ",P0,confidence 0.50 < 0.70,'@SUM(A1),x,0.5000,80,"),
                 lines[1].constData());
        QVERIFY2(lines[1].trimmed().endsWith(",true"), lines[1].constData());
        QVERIFY2(lines[2].startsWith(QByteArray::number(written->firstId) + ",P2,"), lines[2].constData());
        QVERIFY2(lines[2].trimmed().endsWith(",false"), lines[2].constData());
        QCOMPARE(r.json().object().value(QStringLiteral("rows")).toInt(), 2);
        const auto one = run({QStringLiteral("csv"), QStringLiteral("--what"), QStringLiteral("queue"),
                              QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--out"), out});
        QCOMPARE(one.json().object().value(QStringLiteral("rows")).toInt(), 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no kind") << QStringList{"--out", "x"};
        QTest::newRow("unknown kind") << QStringList{"xml", "--out", "x"};
        QTest::newRow("no out") << QStringList{"csv", "--what", "agents"};
        QTest::newRow("bad what") << QStringList{"csv", "--what", "payloads", "--out", "x"};
        QTest::newRow("bad lang") << QStringList{"pdf", "--lang", "fr", "--out", "x"};
        QTest::newRow("bad days") << QStringList{"pdf", "--days", "0", "--out", "x"};
        QTest::newRow("bad queue limit") << QStringList{"csv", "--what", "queue", "--limit", "0", "--out", "x"};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const auto r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("error: "));
    }

    void pdf()
    {
        const QString out = m_dir.filePath(QStringLiteral("report.pdf"));
        const auto r = run({QStringLiteral("pdf"), QStringLiteral("--out"), out, QStringLiteral("--days"),
                            QStringLiteral("7"), QStringLiteral("--lang"), QStringLiteral("es")});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY(data.startsWith("%PDF-"));
        QVERIFY(data.size() > 20000);
        QVERIFY(!data.contains("do-not-export"));
        QVERIFY(!data.contains(m_fresh.password.toUtf8()) || m_fresh.password.isEmpty());
    }

    // The CLI carries the same catalogues as the GUI: the whole report is in the chosen
    // language (chart titles and axes included), and every page says "N of M".
    void pdfLanguage_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        QTest::addColumn<QString>("footer");
        QTest::addColumn<QString>("generated");
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringList{QStringLiteral("Cifras clave"),
                                           QStringLiteral("Precisión por tipo de tarea"),
                                           QStringLiteral("Distribución de la confianza"), QStringLiteral("Día (UTC)")}
                            << QStringList{QStringLiteral("Key figures"), QStringLiteral("Accuracy by task type"),
                                           QStringLiteral("Confidence distribution"), QStringLiteral("Page ")}
                            << QStringLiteral("Página (\\d+) de (\\d+)")
                            << QStringLiteral("Generado el: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringList{QStringLiteral("Key figures"), QStringLiteral("Accuracy by task type"),
                                           QStringLiteral("Confidence distribution"), QStringLiteral("Day (UTC)")}
                            << QStringList{QStringLiteral("Cifras clave"), QStringLiteral("Precisión"),
                                           QStringLiteral("Página")}
                            << QStringLiteral("Page (\\d+) of (\\d+)")
                            << QStringLiteral("Generated at: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n");
    }

    void pdfLanguage()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        QFETCH(QString, footer);
        QFETCH(QString, generated);
        const QString out = m_dir.filePath(QStringLiteral("report-%1.pdf").arg(lang));
        QCOMPARE(run({QStringLiteral("pdf"), QStringLiteral("--out"), out, QStringLiteral("--lang"), lang}).exitCode,
                 0);
        // NFKC: the PDF's "fi" ligature reads back as U+FB01.
        const QString text = test::pdfText(out).normalized(QString::NormalizationForm_KC);
        QVERIFY2(!text.isEmpty(), "pdftotext did not run");
        for (const QString &s : present)
            QVERIFY2(text.contains(s), qPrintable(s));
        for (const QString &s : absent)
            QVERIFY2(!text.contains(s), qPrintable(s));
        // The generation time in the shape the period line and the app use, not ISO's "T…Z".
        QVERIFY2(text.contains(QRegularExpression(generated)), qPrintable(generated));
        // Footers in page order: 1 of M, 2 of M, …, M of M.
        QList<std::pair<int, int>> footers;
        for (const auto &m : QRegularExpression(footer).globalMatch(text))
            footers.append({m.captured(1).toInt(), m.captured(2).toInt()});
        QVERIFY(footers.size() >= 4);
        for (qsizetype i = 0; i < footers.size(); ++i)
            QCOMPARE(footers[i], std::make_pair(static_cast<int>(i) + 1, static_cast<int>(footers.size())));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

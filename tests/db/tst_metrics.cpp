#include "tests/support/CliRunner.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/ingest/DecisionRecorder.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace atalaya;

// `metrics`: OpenMetrics text that Prometheus's own checker accepts, with the window's figures.
class TestMetrics : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-7200);
        std::vector<DecisionInput> rows;
        rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("x"), 0.9, 100, Feedback::Correct, at));
        rows.push_back(test::makeDecision(QStringLiteral("a"), QStringLiteral("x"), 0.8, 300, Feedback::Incorrect, at));
        rows.push_back(
            test::makeDecision(QStringLiteral("say \"hi\"\\"), QStringLiteral("y"), 0.4, 2000, std::nullopt, at));
        QVERIFY(DecisionRecorder(m_fresh.db).recordBatch(rows).ok());
    }

    void figures()
    {
        const test::CliRun run =
            test::runCliOn(m_fresh, {QStringLiteral("metrics"), QStringLiteral("--days"), QStringLiteral("7")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.endsWith(QStringLiteral("\n# EOF\n")));
        QVERIFY(text.contains(QStringLiteral("\natalaya_decisions{agent=\"\"} 3\n")));
        QVERIFY(text.contains(QStringLiteral("\natalaya_accuracy_ratio{agent=\"a\"} 0.5\n")));
        QVERIFY(text.contains(QStringLiteral("\natalaya_execution_time_seconds{agent=\"a\",percentile=\"95\"} 0.3\n")));
        // The agent id's quote and backslash are escaped.
        QVERIFY(text.contains(QStringLiteral("atalaya_decisions{agent=\"say \\\"hi\\\"\\\\\"} 1\n")));
        QVERIFY(text.contains(QStringLiteral("\natalaya_insights{severity=\"high\"} ")));
        QVERIFY(text.contains(QStringLiteral("\natalaya_review_queue_pending{priority=\"P0\"} ")));
    }

    // promtool (Debian's prometheus package, scripts/bootstrap.sh) parses and lints the text.
    void promtoolAccepts()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; scripts/bootstrap.sh adds it)");
        const test::CliRun run = test::runCliOn(m_fresh, {QStringLiteral("metrics")});
        QCOMPARE(run.exitCode, 0);
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(run.out);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"

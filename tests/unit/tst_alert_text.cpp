#include "core/alerts/Alerts.h"

#include <QtTest>

using namespace atalaya;

// Alert sentences: the UI's locale for display, machine format for the CLI's JSON.
class TestAlertText : public QObject {
    Q_OBJECT
private slots:
    void display_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<QString>("expected");
        QTest::newRow("es accuracy") << "es_ES"
                                     << "accuracy_avg" << 0.7841 << 0.80
                                     << "Average accuracy 0,784 is below 0,80 (agent a-1)";
        QTest::newRow("en accuracy") << "en_US"
                                     << "accuracy_avg" << 0.7841 << 0.80
                                     << "Average accuracy 0.784 is below 0.80 (agent a-1)";
        QTest::newRow("es rate") << "es_ES"
                                 << "feedback_rate" << 18.437 << 20.0
                                 << "Feedback rate 18,4 % is below 20 % (agent a-1)";
        QTest::newRow("en rate") << "en_US"
                                 << "feedback_rate" << 18.437 << 20.0
                                 << "Feedback rate 18.4 % is below 20 % (agent a-1)";
        QTest::newRow("es p95") << "es_ES"
                                << "p95_execution_time_ms" << 12457.0 << 500.0
                                << "Execution time P95 12.457 ms is above 500 ms (agent a-1)";
        QTest::newRow("en p95") << "en_US"
                                << "p95_execution_time_ms" << 12457.0 << 500.0
                                << "Execution time P95 12,457 ms is above 500 ms (agent a-1)";
        QTest::newRow("es confidence") << "es_ES"
                                       << "avg_confidence" << 0.749 << 0.75
                                       << "Average confidence 0,749 is below 0,75 (agent a-1)";
        QTest::newRow("en confidence") << "en_US"
                                       << "avg_confidence" << 0.749 << 0.75
                                       << "Average confidence 0.749 is below 0.75 (agent a-1)";
    }

    void display()
    {
        QFETCH(QString, locale);
        QFETCH(QString, metric);
        QFETCH(double, value);
        QFETCH(double, threshold);
        QFETCH(QString, expected);
        const Alert a{AlertSeverity::High, metric, QStringLiteral("a-1"), value, threshold, QString()};
        QCOMPARE(alertMessage(a, QLocale(locale)), expected);
    }

    // What the CLI prints stays the same in any UI locale.
    void machineFormat()
    {
        QLocale::setDefault(QLocale(QStringLiteral("es_ES")));
        WindowSummary s;
        s.accuracy.totalDecisions = 1000;
        s.accuracy.totalWithFeedback = 184;
        s.accuracy.accuracyAvg = 0.7841;
        s.execution.p95Ms = 12457;
        s.avgConfidence = 0.749;
        const auto alerts = evaluateAlerts(s);
        QStringList messages;
        for (const Alert &a : alerts)
            messages << a.message;
        QCOMPARE(messages,
                 (QStringList{QStringLiteral("Average accuracy 0.784 is below 0.80 (all agents)"),
                              QStringLiteral("Feedback rate 18.40 % is below 20 % (all agents)"),
                              QStringLiteral("Execution time P95 12457 ms is above 500 ms (all agents)"),
                              QStringLiteral("Average confidence 0.749 is below 0.75 (all agents)")}));
    }
};

QTEST_GUILESS_MAIN(TestAlertText)
#include "tst_alert_text.moc"

#include "ui/chat/ChatHistoryPanel.h"
#include "ui/common/ChartCard.h"
#include "ui/dashboard/DashboardCharts.h"

#include <QApplication>
#include <QChart>
#include <QLineSeries>
#include <QPalette>
#include <QtTest>

#include <memory>

using namespace atalaya;

namespace {

// Eight days as the overview reads them: seven whole days at 90 % and today so far, whose one
// verdict (an urgent decision, reviewed first) was wrong.
std::vector<GroupSummary> lastDays()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    std::vector<GroupSummary> days;
    for (int back = 7; back >= 0; --back) {
        GroupSummary d;
        d.key = today.addDays(-back).toString(Qt::ISODate);
        d.summary.accuracy.totalDecisions = back == 0 ? 34 : 400;
        d.summary.accuracy.totalWithFeedback = back == 0 ? 1 : 130;
        d.summary.accuracy.accuracyAvg = back == 0 ? 0.0 : 0.9;
        days.push_back(d);
    }
    return days;
}

QLineSeries *lineNamed(QChart *chart, const QString &name)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->name() == name)
            return qobject_cast<QLineSeries *>(s);
    }
    return nullptr;
}

}  // namespace

// A day's accuracy (and the chat's message count) is drawn once the day is over: today's first verdicts are the urgent
// decisions', the likeliest to be wrong, and at 04:00 UTC the demo's one verdict of the day
// dropped both accuracy lines to 0 %.
class TestDayCharts : public QObject {
    Q_OBJECT
private slots:
    void overviewDrawsTodaysBarButNotItsAccuracy()
    {
        const auto days = lastDays();
        std::unique_ptr<QChart> chart(charts::overviewWeekChart(charts::ChartStyle::fromPalette(QPalette()), days));
        QLineSeries *accuracy = lineNamed(chart.get(), QStringLiteral("Accuracy (%)"));
        QVERIFY(accuracy);
        QCOMPARE(accuracy->count(), 7);
        for (const QPointF &p : accuracy->points()) {
            QVERIFY(p.x() < 7);
            QCOMPARE(p.y(), 90.0);
        }
    }

    void accuracyPerDayLeavesTodayOut()
    {
        const auto days = lastDays();
        std::unique_ptr<QChart> chart(charts::accuracyPerDayChart(charts::ChartStyle::fromPalette(QPalette()), days));
        QLineSeries *line = lineNamed(chart.get(), QStringLiteral("Average accuracy"));
        QVERIFY(line);
        QCOMPARE(line->count(), 7);
        QCOMPARE(line->points().constLast().x(), qreal(charts::dayMs(days[6].key)));
    }

    // A past day is over: its accuracy is drawn whatever its value.
    void pastDaysAreDrawn()
    {
        auto days = lastDays();
        days.pop_back();
        days.back().summary.accuracy.accuracyAvg = 0.0;
        std::unique_ptr<QChart> chart(charts::accuracyPerDayChart(charts::ChartStyle::fromPalette(QPalette()), days));
        QLineSeries *line = lineNamed(chart.get(), QStringLiteral("Average accuracy"));
        QVERIFY(line);
        QCOMPARE(line->count(), 7);
        QCOMPARE(line->points().constLast().y(), 0.0);
    }

    // The chat's messages per day end with yesterday (today's 20 so far drew a fall from ~120);
    // the assistant's latency, an average, keeps today.
    void chatMessagesPerDayEndsWithYesterday()
    {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        ChatHistoryMetrics metrics;
        for (int back = 3; back >= 0; --back) {
            ChatHistoryDay d;
            d.day = today.addDays(-back);
            d.messages = back == 0 ? 20 : 120;
            d.latencyAvgMs = 950.0;
            metrics.days.push_back(d);
            metrics.messages += d.messages;
        }
        ChatHistoryPanel panel;
        panel.show(metrics, 30);
        auto *messages = qobject_cast<QLineSeries *>(panel.messagesCard()->chart()->series().value(0));
        QVERIFY(messages);
        QCOMPARE(messages->count(), 3);
        for (const QPointF &p : messages->points())
            QCOMPARE(p.y(), 120.0);
        auto *latency = qobject_cast<QLineSeries *>(panel.latencyCard()->chart()->series().value(0));
        QVERIFY(latency);
        QCOMPARE(latency->count(), 4);
    }
};

QTEST_MAIN(TestDayCharts)
#include "tst_day_charts.moc"

#include "ui/dashboard/DashboardCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace atalaya::charts {

QChart *overviewWeekChart(const ChartStyle &style, const std::vector<GroupSummary> &days)
{
    // No title: the legend names both series, and a short window keeps the height for the plot.
    QChart *chart = newChart(style, QString());
    chart->legend()->setAlignment(Qt::AlignTop);
    auto *decisions = new QBarSet(DashboardCharts::tr("Decisions"));
    decisions->setColor(style.accent(0));
    decisions->setBorderColor(style.accent(0));
    auto *accuracy = new QLineSeries;
    accuracy->setName(DashboardCharts::tr("Accuracy (%)"));
    accuracy->setPen(QPen(style.accent(2), 2));
    accuracy->setPointsVisible(true);
    QStringList labels;  // in the tooltips
    QStringList ticks;  // under the bars, where a category has an eighth of a narrow chart
    double top = 0;
    for (size_t i = 0; i < days.size(); ++i) {
        const GroupSummary &d = days[i];
        const QDate day = QDateTime::fromMSecsSinceEpoch(dayMs(d.key), Qt::UTC).date();
        const QString label = QLocale().toString(day, QStringLiteral("dd MMM"));
        // Today's bar is short because the day is not over, not because the agents slowed down.
        // "07 Dec (so far)" was cut under the bar at the window's minimum size; "today" says it.
        const bool today = isToday(d.key);
        labels << (today ? DashboardCharts::tr("%1 (so far)").arg(label) : label);
        ticks << (today ? DashboardCharts::tr("today") : label);
        const double count = double(d.summary.accuracy.totalDecisions);
        *decisions << count;
        top = std::max(top, count);
        // Today's first verdicts are the urgent ones (P0 within the hour, routine ones within the
        // week), the likeliest to be wrong: at 04:23 UTC the demo's one verdict of the day so far
        // drew the line down to 0 %.
        if (d.summary.accuracy.accuracyAvg && !today)
            accuracy->append(double(i), *d.summary.accuracy.accuracyAvg * 100.0);
    }
    attachTooltip(decisions, [decisions, labels](int index) {
        return DashboardCharts::tr("%1: %2 decisions")
            .arg(labels.value(index), QLocale().toString(qint64(decisions->at(index))));
    });
    attachTooltip(accuracy, [labels](const QPointF &p) {
        return DashboardCharts::tr("%1: accuracy %2 %")
            .arg(labels.value(int(p.x())), QLocale().toString(p.y(), 'f', 1));
    });
    auto *bars = new QBarSeries;
    bars->append(decisions);
    chart->addSeries(bars);
    chart->addSeries(accuracy);
    auto *x = new QBarCategoryAxis;
    x->append(ticks);
    styleAxis(style, x, DashboardCharts::tr("Day (UTC)"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *count = roundedAxis(style, DashboardCharts::tr("Decisions"), top * 1.05);
    chart->addAxis(count, Qt::AlignLeft);
    // The legend names the line; a vertical "Accuracy (%)" was longer than the plot is tall.
    QValueAxis *percent = valueAxis(style, QStringLiteral("%"), 0, 100);
    setTickInterval(percent, 20);
    chart->addAxis(percent, Qt::AlignRight);
    bars->attachAxis(x);
    bars->attachAxis(count);
    accuracy->attachAxis(x);
    accuracy->attachAxis(percent);
    return chart;
}

}  // namespace atalaya::charts

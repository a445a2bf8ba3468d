// Page 2 (Accuracy): accuracy by task type (bars) and per day (line with the alert threshold).
#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Format.h"

#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCategoryAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace atalaya::charts {

QChart *accuracyByTaskChart(const ChartStyle &style, const std::vector<GroupSummary> &taskTypes)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Accuracy by task type"));
    auto *set = new QBarSet(DashboardCharts::tr("Accuracy"));
    set->setColor(style.accent(0));
    set->setBorderColor(style.accent(0));
    QStringList categories;
    std::vector<GroupSummary> rows;
    for (const GroupSummary &g : taskTypes) {
        if (g.summary.accuracy.accuracyAvg)
            rows.push_back(g);
    }
    // Horizontal bars draw the first category at the bottom: ascending puts the best on top.
    std::sort(rows.begin(), rows.end(), [](const GroupSummary &a, const GroupSummary &b) {
        return *a.summary.accuracy.accuracyAvg < *b.summary.accuracy.accuracyAvg;
    });
    for (const GroupSummary &g : rows) {
        categories << g.key;
        *set << *g.summary.accuracy.accuracyAvg * 100.0;
    }
    attachTooltip(set, [rows](int i) {
        const GroupSummary &g = rows[static_cast<size_t>(i)];
        return DashboardCharts::tr("%1: accuracy %2 over %3 reviewed decisions")
            .arg(g.key, fmt::ratioPercent(g.summary.accuracy.accuracyAvg),
                 fmt::count(g.summary.accuracy.totalWithFeedback));
    });
    QHorizontalBarSeries *series = addHorizontalBars(style, chart, set, categories);
    auto *value = valueAxis(style, DashboardCharts::tr("Accuracy (%)"), 0, 100);
    value->setTickCount(6);
    chart->addAxis(value, Qt::AlignBottom);
    series->attachAxis(value);
    chart->legend()->hide();
    QStringList labels;
    for (const GroupSummary &g : rows)
        labels << fmt::ratioPercent(g.summary.accuracy.accuracyAvg);
    // Light bars in the dark theme: dark value text reads on them.
    labelHorizontalBars(chart, series, labels, style.dark ? style.background : QColor(Qt::white), style.text);
    return chart;
}

QChart *accuracyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Accuracy per day"));
    auto *line = new QLineSeries;
    line->setName(DashboardCharts::tr("Average accuracy"));
    line->setPen(QPen(style.accent(0), 2));
    line->setPointsVisible(true);
    double low = 100;
    for (const GroupSummary &d : days) {
        // Today's verdicts so far are mostly the urgent, often wrong decisions' (see overviewWeekChart).
        if (d.summary.accuracy.accuracyAvg && !isToday(d.key)) {
            const double v = *d.summary.accuracy.accuracyAvg * 100.0;
            line->append(static_cast<qreal>(dayMs(d.key)), v);
            low = std::min(low, v);
        }
    }
    attachTooltip(line, [](const QPointF &p) {
        return DashboardCharts::tr("%1: accuracy %2 %")
            .arg(dayText(static_cast<qint64>(p.x())), QLocale().toString(p.y(), 'f', 1));
    });
    auto *target = new QLineSeries;
    target->setName(DashboardCharts::tr("Alert threshold (80 %)"));
    QPen dashed(ChartStyle::bad(), 1, Qt::DashLine);
    target->setPen(dashed);
    if (!days.empty()) {
        target->append(static_cast<qreal>(dayMs(days.front().key) - 43200000), 80);
        target->append(static_cast<qreal>(dayMs(days.back().key) + 43200000), 80);
    }
    chart->addSeries(line);
    chart->addSeries(target);
    auto *x = dateAxis(style, DashboardCharts::tr("Day (UTC)"));
    setDateRange(x, days);
    chart->addAxis(x, Qt::AlignBottom);
    const double bottom = std::max(0.0, std::floor(std::min(low, 80.0) / 10.0) * 10.0 - 10.0);
    auto *y = valueAxis(style, DashboardCharts::tr("Accuracy (%)"), bottom, 100);
    setTickInterval(y, 100 - bottom > 60 ? 20 : 10);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : {line, target}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

}  // namespace atalaya::charts

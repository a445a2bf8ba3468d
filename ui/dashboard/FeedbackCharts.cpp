// Page 5 (Feedback): the correct / partially correct / incorrect doughnut, and each agent's
// feedback rate against the seed's 30 % target.
#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Format.h"

#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace atalaya::charts {

QChart *feedbackPieChart(const ChartStyle &style, const AccuracySummary &a)
{
    QChart *chart =
        newChart(style, DashboardCharts::tr("Human feedback (%1 reviews)").arg(fmt::count(a.totalWithFeedback)));
    auto *series = new QPieSeries;
    series->setHoleSize(0.35);
    const struct {
        QString name;
        qint64 count;
        QColor color;
    } slices[] = {{DashboardCharts::tr("Correct"), a.correct, ChartStyle::good()},
                  {DashboardCharts::tr("Partially correct"), a.partiallyCorrect, ChartStyle::warning()},
                  {DashboardCharts::tr("Incorrect"), a.incorrect, ChartStyle::bad()}};
    for (const auto &s : slices) {
        const double share = a.totalWithFeedback > 0
            ? 100.0 * static_cast<double>(s.count) / static_cast<double>(a.totalWithFeedback)
            : 0;
        // Legend labels are rich text: the name over its figures, so the three entries fit
        // side by side under the doughnut (one line each elided "Parcialmente correcto").
        auto *slice =
            series->append(QStringLiteral("%1<br>%2 (%3 %)")
                               .arg(s.name.toHtmlEscaped(), fmt::count(s.count), QLocale().toString(share, 'f', 1)),
                           static_cast<qreal>(s.count));
        slice->setColor(s.color);
        slice->setBorderColor(style.background);
        slice->setLabelColor(style.text);
        slice->setLabelVisible(false);
        QObject::connect(slice, &QPieSlice::hovered, slice, [slice](bool state) { slice->setExploded(state); });
    }
    chart->addSeries(series);
    chart->legend()->setShowToolTips(true);  // for windows too narrow even for that
    return chart;
}

QChart *feedbackRateByAgentChart(const ChartStyle &style, const std::vector<GroupSummary> &agents)
{
    constexpr double kTarget = 30.0;  // the seed's target (docs/DASHBOARD.md §Pages): feedback on ≥ 30 % of decisions
    QChart *chart = newChart(style, DashboardCharts::tr("Feedback rate by agent"));
    std::vector<GroupSummary> rows;
    for (const GroupSummary &g : agents) {
        if (g.summary.accuracy.feedbackRatePercent())
            rows.push_back(g);
    }
    // Horizontal bars draw the first category at the bottom: descending puts the agents
    // furthest below the target on top, as the table beside it lists them.
    std::sort(rows.begin(), rows.end(), [](const GroupSummary &a, const GroupSummary &b) {
        return *a.summary.accuracy.feedbackRatePercent() > *b.summary.accuracy.feedbackRatePercent();
    });
    auto *set = new QBarSet(DashboardCharts::tr("Feedback rate"));
    set->setColor(style.accent(0));
    set->setBorderColor(style.accent(0));
    QStringList categories;
    QStringList labels;
    double top = kTarget;
    for (const GroupSummary &g : rows) {
        const double rate = *g.summary.accuracy.feedbackRatePercent();
        categories << g.key;
        *set << rate;
        labels << fmt::percent(rate);
        top = std::max(top, rate);
    }
    attachTooltip(set, [rows](int i) {
        const AccuracySummary &a = rows[static_cast<size_t>(i)].summary.accuracy;
        return DashboardCharts::tr("%1: %2 reviews of %3 decisions (%4)")
            .arg(rows[static_cast<size_t>(i)].key, fmt::count(a.totalWithFeedback), fmt::count(a.totalDecisions),
                 fmt::percent(a.feedbackRatePercent()));
    });
    // The target as a dashed vertical line on an axis of its own across the bars' height,
    // added first so the bars and their figures are drawn over it.
    auto *target = new QLineSeries;
    target->setName(DashboardCharts::tr("Seed target (30 %)"));
    target->setPen(QPen(ChartStyle::bad(), 1.5, Qt::DashLine));
    target->append(kTarget, 0);
    target->append(kTarget, 1);
    chart->addSeries(target);
    QHorizontalBarSeries *series = addHorizontalBars(style, chart, set, categories);
    auto *value = valueAxis(style, DashboardCharts::tr("Decisions with feedback (%)"), 0,
                            std::min(100.0, std::ceil(top / 10.0) * 10.0));
    setTickInterval(value, top > 50 ? 20 : 10);
    chart->addAxis(value, Qt::AlignBottom);
    series->attachAxis(value);
    auto *span = new QValueAxis;
    span->setRange(0, 1);
    span->setVisible(false);
    chart->addAxis(span, Qt::AlignRight);
    target->attachAxis(value);
    target->attachAxis(span);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Only the target line needs explaining; the bars are named by the title.
    chart->legend()->markers(series).first()->setVisible(false);
    labelHorizontalBars(chart, series, labels, style.dark ? style.background : QColor(Qt::white), style.text);
    return chart;
}

}  // namespace atalaya::charts

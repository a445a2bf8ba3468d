// Page 5 (Feedback): the correct / partially correct / incorrect doughnut.
#include "charts/DashboardCharts.h"

#include "Format.h"

#include <QChart>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>

namespace atalaya::charts {

QChart *feedbackPieChart(const ChartStyle &style, const AccuracySummary &a)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Human feedback (%1 reviews)").arg(fmt::count(a.totalWithFeedback)));
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
        const double share = a.totalWithFeedback > 0 ? 100.0 * static_cast<double>(s.count) / static_cast<double>(a.totalWithFeedback) : 0;
        // Legend labels are rich text: the name over its figures, so the three entries fit
        // side by side under the doughnut (one line each elided "Parcialmente correcto").
        auto *slice = series->append(QStringLiteral("%1<br>%2 (%3 %)")
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

} // namespace atalaya::charts

// Page 4 (Execution time): P50/P95/P99 per day and the box plot per agent.
#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Format.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QCursor>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace atalaya::charts {

namespace {

// Agent ids such as "deployment-risk-predictor" on two lines at the separator nearest the
// middle: rotated labels were dropped by Qt Charts where they ran past the plot's left edge.
QString twoLineLabel(const QString &key)
{
    if (key.size() <= 14)
        return key;
    qsizetype best = -1;
    for (qsizetype i = 0; i < key.size(); ++i) {
        if ((key[i] == QLatin1Char('-') || key[i] == QLatin1Char('_'))
            && (best < 0 || qAbs(i - key.size() / 2) < qAbs(best - key.size() / 2)))
            best = i;
    }
    return best < 0 ? key : key.left(best + 1) + QStringLiteral("<br>") + key.mid(best + 1);
}

}  // namespace

QChart *latencyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Execution time percentiles per day"));
    const struct {
        QString name;
        std::optional<qint64> ExecutionTimeStats::*field;
        int color;
    } lines[] = {{QStringLiteral("P50"), &ExecutionTimeStats::p50Ms, 1},
                 {QStringLiteral("P95"), &ExecutionTimeStats::p95Ms, 2},
                 {QStringLiteral("P99"), &ExecutionTimeStats::p99Ms, 4}};
    auto *x = dateAxis(style, DashboardCharts::tr("Day (UTC)"), static_cast<int>(days.size()));
    setDateRange(x, days);
    chart->addAxis(x, Qt::AlignBottom);
    double top = 0;
    std::vector<QLineSeries *> all;
    for (const auto &l : lines) {
        auto *s = new QLineSeries;
        s->setName(l.name);
        s->setPen(QPen(style.accent(l.color), 2));
        s->setPointsVisible(true);
        for (const GroupSummary &d : days) {
            const auto &v = d.summary.execution.*(l.field);
            if (v) {
                s->append(static_cast<qreal>(dayMs(d.key)), static_cast<qreal>(*v));
                top = std::max(top, static_cast<double>(*v));
            }
        }
        const QString name = l.name;
        attachTooltip(s, [name](const QPointF &p) {
            return DashboardCharts::tr("%1 %2: %3 ms")
                .arg(dayText(static_cast<qint64>(p.x())), name, QLocale().toString(p.y(), 'f', 0));
        });
        chart->addSeries(s);
        s->attachAxis(x);
        all.push_back(s);
    }
    auto *y = roundedAxis(style, DashboardCharts::tr("Execution time (ms)"), top * 1.05);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : all)
        s->attachAxis(y);
    return chart;
}

QChart *latencyBoxChart(const ChartStyle &style, const std::vector<ExecutionBox> &boxes)
{
    QChart *chart = newChart(style, DashboardCharts::tr("Execution time per agent (box: quartiles, whiskers: P5–P95)"));
    auto *series = new QBoxPlotSeries;
    series->setBrush(style.accent(0).lighter(style.dark ? 80 : 160));
    series->setPen(QPen(style.accent(0), 1.5));
    QStringList categories;
    double top = 0;
    for (const ExecutionBox &b : boxes) {
        auto *set = new QBoxSet(static_cast<qreal>(b.p5Ms), static_cast<qreal>(b.q1Ms), static_cast<qreal>(b.medianMs),
                                static_cast<qreal>(b.q3Ms), static_cast<qreal>(b.p95Ms), b.key);
        QObject::connect(set, &QBoxSet::hovered, set, [b](bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(
                QCursor::pos(),
                DashboardCharts::tr("%1 (%2 decisions)\nP5 %3 ms · Q1 %4 ms · median %5 ms · Q3 %6 ms · P95 %7 ms\n"
                                    "min %8 ms · max %9 ms")
                    .arg(b.key, fmt::count(b.count))
                    .arg(b.p5Ms)
                    .arg(b.q1Ms)
                    .arg(b.medianMs)
                    .arg(b.q3Ms)
                    .arg(b.p95Ms)
                    .arg(b.minMs)
                    .arg(b.maxMs));
        });
        series->append(set);
        categories << twoLineLabel(b.key);
        top = std::max(top, static_cast<double>(b.p95Ms));
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTruncateLabels(false);
    styleAxis(style, x, DashboardCharts::tr("Agent"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = roundedAxis(style, DashboardCharts::tr("Execution time (ms)"), top * 1.05);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

}  // namespace atalaya::charts

#include "ui/insights/WhatIfChart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace atalaya {
namespace {

using charts::DashboardCharts;

QString perDay(double v)
{
    return QLocale().toString(v, 'f', 1);
}

QScatterSeries *marker(const QString &name, const QColor &color, const charts::ChartStyle &style,
                       const WhatIfFigures &f)
{
    auto *s = new QScatterSeries;
    s->setName(name);
    s->setColor(color);
    s->setBorderColor(style.background);
    s->setMarkerSize(13);
    s->append(f.loadPerDay(), f.missedErrorsPerDay);
    return s;
}

}  // namespace

QChart *whatIfCurveChart(const charts::ChartStyle &style, const std::vector<WhatIfCurvePoint> &curve,
                         const WhatIfScenario &current, const WhatIfScenario &proposed)
{
    QChart *chart = charts::newChart(style, DashboardCharts::tr("Review load against wrong decisions left unreviewed"));
    auto *line = new QLineSeries;
    line->setName(DashboardCharts::tr("P2 cut from 0.05 to 1.00"));
    line->setPen(QPen(style.accent(0), 2));
    double maxLoad = std::max(current.figures.loadPerDay(), proposed.figures.loadPerDay());
    double maxMissed = std::max(current.figures.missedErrorsPerDay, proposed.figures.missedErrorsPerDay);
    for (const WhatIfCurvePoint &p : curve) {
        line->append(p.loadPerDay, p.missedErrorsPerDay);
        maxLoad = std::max(maxLoad, p.loadPerDay);
        maxMissed = std::max(maxMissed, p.missedErrorsPerDay);
    }
    const std::vector<WhatIfCurvePoint> points = curve;
    charts::attachTooltip(line, [points](const QPointF &at) {
        const auto nearest = std::min_element(points.begin(), points.end(), [&](const auto &a, const auto &b) {
            return std::abs(a.loadPerDay - at.x()) < std::abs(b.loadPerDay - at.x());
        });
        if (nearest == points.end())
            return QString();
        return DashboardCharts::tr("P2 up to %1: %2 reviews a day, %3 wrong decisions a day unreviewed")
            .arg(QLocale().toString(nearest->p2Below, 'f', 2), perDay(nearest->loadPerDay),
                 perDay(nearest->missedErrorsPerDay));
    });
    auto *now = marker(DashboardCharts::tr("Current rules"),
                       style.dark ? QColor(0xbb, 0xbb, 0xbb) : QColor(0x55, 0x55, 0x55), style, current.figures);
    auto *next = marker(DashboardCharts::tr("Proposed"), charts::ChartStyle::warning(), style, proposed.figures);
    for (auto *s : {now, next}) {
        charts::attachTooltip(s, [name = s->name()](const QPointF &p) {
            return DashboardCharts::tr("%1: %2 reviews a day, %3 wrong decisions a day unreviewed")
                .arg(name, perDay(p.x()), perDay(p.y()));
        });
    }
    chart->addSeries(line);
    chart->addSeries(now);
    chart->addSeries(next);
    auto *x = charts::roundedAxis(style, DashboardCharts::tr("Reviews per day"), std::max(maxLoad, 1.0));
    auto *y =
        charts::roundedAxis(style, DashboardCharts::tr("Wrong decisions unreviewed per day"), std::max(maxMissed, 0.1));
    // A little room below 0, so a proposal that leaves nothing unreviewed shows its whole mark.
    y->setMin(-y->max() * 0.03);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : std::initializer_list<QXYSeries *>{line, now, next}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return chart;
}

}  // namespace atalaya

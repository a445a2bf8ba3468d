// Page 4 (Execution time): P50/P95/P99 per day and the box plot per agent.
#include "ui/dashboard/DashboardCharts.h"

#include "ui/common/Format.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QCursor>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace atalaya::charts {

namespace {

bool isSeparator(QChar c)
{
    return c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char(' ');
}

// An agent id as one line, or on two at the separator nearest the middle.
QStringList labelLines(const QString &key)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i + 1 < key.size(); ++i) {
        if (isSeparator(key[i]) && (best < 0 || qAbs(i - key.size() / 2) < qAbs(best - key.size() / 2)))
            best = i;
    }
    if (best < 0)
        return {key};
    return {key.left(best + 1), key.mid(best + 1)};
}

// The prefix every id shares up to a separator ("agent-"), when every id goes on past it.
QString sharedPrefix(const QStringList &keys)
{
    if (keys.size() < 2)
        return {};
    QString prefix = keys.first();
    for (const QString &key : keys) {
        qsizetype n = 0;
        while (n < prefix.size() && n + 1 < key.size() && prefix[n] == key[n])
            ++n;
        prefix.truncate(n);
    }
    while (!prefix.isEmpty() && !isSeparator(prefix.back()))
        prefix.chop(1);
    return prefix;
}

QString reversed(QString text)
{
    std::reverse(text.begin(), text.end());
    return text;
}

// The same at the end ("-agent"), never overlapping the prefix.
QString sharedSuffix(const QStringList &keys, qsizetype prefixSize)
{
    QStringList backwards;
    for (const QString &key : keys)
        backwards << reversed(key.mid(prefixSize));
    return reversed(sharedPrefix(backwards));
}

struct AxisLabels {
    QStringList categories;
    QString prefix;  // dropped from every label; the axis title names them
    QString suffix;
};

// Each agent's label fitted to its category's width: as is when every one fits; else without
// the prefix and suffix all share, then on two lines at a separator, each line elided in the
// middle (the box's tooltip names the agent in full). Rotated labels were dropped by Qt Charts
// where they ran past the plot's left edge; labels wider than their category ran into one line.
AxisLabels fittedLabels(const QStringList &keys, const QFont &font, qreal plotWidth)
{
    const QFontMetricsF fm(font);
    const qreal width =
        keys.isEmpty() ? plotWidth : plotWidth / static_cast<qreal>(keys.size()) - fm.averageCharWidth();
    const bool allFit =
        std::all_of(keys.begin(), keys.end(), [&](const QString &key) { return fm.horizontalAdvance(key) <= width; });
    AxisLabels out;
    if (!allFit) {
        out.prefix = sharedPrefix(keys);
        out.suffix = sharedSuffix(keys, out.prefix.size());
    }
    for (const QString &key : keys) {
        const QString shown = key.mid(out.prefix.size(), key.size() - out.prefix.size() - out.suffix.size());
        QStringList lines = fm.horizontalAdvance(shown) <= width ? QStringList{shown} : labelLines(shown);
        for (QString &line : lines)
            line = fm.elidedText(line, Qt::ElideMiddle, std::max<qreal>(width, fm.averageCharWidth())).toHtmlEscaped();
        QString label = lines.join(QStringLiteral("<br>"));
        // Categories must differ: two ids elided alike get invisible zero-width spaces.
        while (out.categories.contains(label))
            label += QChar(0x200B);
        out.categories << label;
    }
    return out;
}

void applyLabels(QBarCategoryAxis *axis, const AxisLabels &labels)
{
    if (labels.categories != axis->categories())
        axis->setCategories(labels.categories);
    const bool dropped = !labels.prefix.isEmpty() || !labels.suffix.isEmpty();
    axis->setTitleText(dropped ? DashboardCharts::tr("Agent (%1…%2)").arg(labels.prefix, labels.suffix)
                               : DashboardCharts::tr("Agent"));
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
    auto *x = dateAxis(style, DashboardCharts::tr("Day (UTC)"));
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
    QStringList keys;
    double top = 0;
    for (const ExecutionBox &b : boxes) {
        auto *set = new QBoxSet(static_cast<qreal>(b.p5Ms), static_cast<qreal>(b.q1Ms), static_cast<qreal>(b.medianMs),
                                static_cast<qreal>(b.q3Ms), static_cast<qreal>(b.p95Ms), b.key);
        QObject::connect(set, &QBoxSet::hovered, set, [b](bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            QString text =
                DashboardCharts::tr("%1 (%2 decisions)\nP5 %3 ms · Q1 %4 ms · median %5 ms · Q3 %6 ms · P95 %7 ms\n"
                                    "min %8 ms · max %9 ms")
                    .arg(b.key, fmt::count(b.count))
                    .arg(b.p5Ms)
                    .arg(b.q1Ms)
                    .arg(b.medianMs)
                    .arg(b.q3Ms)
                    .arg(b.p95Ms)
                    .arg(b.minMs)
                    .arg(b.maxMs);
            if (b.fromSketch)
                text += QLatin1Char('\n') + DashboardCharts::tr("Percentiles within 1 % (rollup sketches)");
            QToolTip::showText(QCursor::pos(), text);
        });
        series->append(set);
        keys << b.key;
        top = std::max(top, static_cast<double>(b.p95Ms));
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->setTruncateLabels(false);
    styleAxis(style, x, DashboardCharts::tr("Agent"));
    // Until the chart has a size, labels fit a typical card; then they follow the plot's width.
    applyLabels(x, fittedLabels(keys, x->labelsFont(), 600));
    QObject::connect(chart, &QChart::plotAreaChanged, x, [x, keys](const QRectF &plot) {
        applyLabels(x, fittedLabels(keys, x->labelsFont(), plot.width()));
    });
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = roundedAxis(style, DashboardCharts::tr("Execution time (ms)"), top * 1.05);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    return chart;
}

}  // namespace atalaya::charts

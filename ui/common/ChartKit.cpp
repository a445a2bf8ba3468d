#include "ui/common/ChartKit.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QBarSet>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalBarSeries>
#include <QChart>
#include <QCursor>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>
#include <limits>

namespace atalaya::charts {
namespace {

constexpr qint64 kDayMs = 86400000;

// Decimals that show every multiple of step exactly (2.5 → 1, 0.25 → 2, 200 → 0).
int decimalsOf(double step)
{
    for (int d = 0; d < 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            return d;
    }
    return 6;
}

}  // namespace

QColor ChartStyle::accent(int index) const
{
    static const QColor light[] = {QColor(0x2f, 0x6f, 0xde), QColor(0x1a, 0xa3, 0x9a), QColor(0xe3, 0x8d, 0x1a),
                                   QColor(0x8e, 0x5b, 0xd8), QColor(0xd6, 0x45, 0x3d), QColor(0x5b, 0x8c, 0x2a)};
    static const QColor darkSet[] = {QColor(0x6c, 0x9c, 0xff), QColor(0x3c, 0xcf, 0xc2), QColor(0xff, 0xb0, 0x4a),
                                     QColor(0xb9, 0x93, 0xff), QColor(0xff, 0x7a, 0x70), QColor(0x9c, 0xd0, 0x5a)};
    const int i = ((index % 6) + 6) % 6;
    return dark ? darkSet[i] : light[i];
}

ChartStyle ChartStyle::fromPalette(const QPalette &palette)
{
    ChartStyle s;
    s.dark = palette.color(QPalette::Window).lightness() < 128;
    s.text = palette.color(QPalette::WindowText);
    s.background = palette.color(QPalette::Base);
    s.grid = s.dark ? QColor(0x4a, 0x4f, 0x57) : QColor(0xdd, 0xe1, 0xe6);
    return s;
}

ChartStyle ChartStyle::forPrint()
{
    ChartStyle s;
    s.print = true;
    s.text = QColor(0x22, 0x22, 0x22);
    s.background = Qt::white;
    s.grid = QColor(0xdd, 0xe1, 0xe6);
    return s;
}

void applyChartStyle(const ChartStyle &style, QChart *chart)
{
    chart->setTheme(style.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(style.background);
    chart->setBackgroundRoundness(0);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(10);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(style.text);
    chart->legend()->setLabelColor(style.text);
    // Axis and bar labels in the interface language ("0,8" in Spanish), like the tables.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
}

QChart *newChart(const ChartStyle &style, const QString &title)
{
    auto *chart = new QChart;
    applyChartStyle(style, chart);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void styleAxis(const ChartStyle &style, QAbstractAxis *axis, const QString &title)
{
    axis->setTitleText(title);
    axis->setTitleBrush(style.text);
    axis->setLabelsColor(style.text);
    axis->setGridLineColor(style.grid);
    axis->setLinePenColor(style.grid);
    QFont f = axis->titleFont();
    f.setBold(false);
    f.setPointSizeF(8.5);
    axis->setTitleFont(f);
    QFont lf = axis->labelsFont();
    lf.setPointSizeF(8);
    axis->setLabelsFont(lf);
}

QValueAxis *valueAxis(const ChartStyle &style, const QString &title, double min, double max, const QString &labelFormat)
{
    auto *axis = new QValueAxis;
    axis->setRange(min, max);
    axis->setLabelFormat(labelFormat);
    styleAxis(style, axis, title);
    return axis;
}

void setTickInterval(QValueAxis *axis, double interval)
{
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(interval);
}

QCategoryAxis *dateAxis(const ChartStyle &style, const QString &title)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(style, axis, title);
    return axis;
}

void attachTooltip(QXYSeries *series, std::function<QString(const QPointF &)> text)
{
    QObject::connect(series, &QXYSeries::hovered, series, [text = std::move(text)](const QPointF &p, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), text(p));
        else
            QToolTip::hideText();
    });
}

void attachTooltip(QBarSet *set, std::function<QString(int)> text)
{
    QObject::connect(set, &QBarSet::hovered, set, [text = std::move(text)](bool state, int index) {
        if (state)
            QToolTip::showText(QCursor::pos(), text(index));
        else
            QToolTip::hideText();
    });
}

QHorizontalBarSeries *addHorizontalBars(const ChartStyle &style, QChart *chart, QBarSet *set,
                                        const QStringList &categories)
{
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    names->setTruncateLabels(false);
    styleAxis(style, names, QString());
    names->setGridLineVisible(false);
    chart->addAxis(names, Qt::AlignLeft);
    series->attachAxis(names);
    return series;
}

void labelHorizontalBars(QChart *chart, QHorizontalBarSeries *series, const QStringList &texts,
                         const QColor &insideColor, const QColor &outsideColor)
{
    const QList<QBarSet *> sets = series->barSets();
    if (sets.size() != 1)
        return;
    QBarSet *set = sets.first();
    std::vector<QGraphicsSimpleTextItem *> items;
    for (int i = 0; i < set->count() && i < texts.size(); ++i) {
        auto *item = new QGraphicsSimpleTextItem(texts[i], chart);
        item->setFont(set->labelFont());
        item->setZValue(100);  // above the bars
        items.push_back(item);
    }
    auto place = [chart, series, set, items, insideColor, outsideColor] {
        constexpr qreal kPad = 6;
        const qreal halfBar = series->barWidth() / 2;
        for (size_t i = 0; i < items.size(); ++i) {
            const int row = static_cast<int>(i);
            const QPointF end = chart->mapToPosition(QPointF(set->at(row), row), series);
            const QPointF start = chart->mapToPosition(QPointF(0, row), series);
            const qreal barTop = chart->mapToPosition(QPointF(0, row + halfBar), series).y();
            const qreal barBottom = chart->mapToPosition(QPointF(0, row - halfBar), series).y();
            QGraphicsSimpleTextItem *item = items[i];
            const QRectF box = item->boundingRect();
            const bool inside = end.x() - start.x() >= box.width() + 2 * kPad;
            item->setBrush(inside ? insideColor : outsideColor);
            const qreal x = inside ? end.x() - kPad - box.width() : end.x() + kPad;
            item->setPos(x, (barTop + barBottom) / 2 - box.height() / 2);
        }
    };
    QObject::connect(chart, &QChart::plotAreaChanged, chart, place);
    place();
}

qint64 dayMs(const QString &isoDay)
{
    return QDateTime(QDate::fromString(isoDay, Qt::ISODate), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

bool isToday(const QString &isoDay)
{
    return QDate::fromString(isoDay, Qt::ISODate) == QDateTime::currentDateTimeUtc().date();
}

QString dayText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(), QLocale::ShortFormat);
}

void setDateRange(QCategoryAxis *axis, const std::vector<GroupSummary> &days)
{
    if (days.empty())
        return;
    setDayRange(axis, dayMs(days.front().key), dayMs(days.back().key));
}

std::pair<int, int> dayTicks(int days)
{
    days = std::max(days, 1);
    const int step = (days + 6) / 7;
    return {step, (days - 1) / step + 1};
}

void setDayRange(QCategoryAxis *axis, qint64 firstNoonMs, qint64 lastNoonMs)
{
    const qint64 start = firstNoonMs - kDayMs / 2;
    const auto [step, ticks] = dayTicks(int((lastNoonMs - firstNoonMs) / kDayMs) + 1);
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(double(start));
    for (int i = 0; i < ticks; ++i) {
        const qint64 at = start + qint64(i) * step * kDayMs;
        axis->append(QLocale().toString(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC).date(), QStringLiteral("dd MMM")),
                     double(at));
    }
    axis->setRange(double(start), double(lastNoonMs + kDayMs / 2));
}

std::pair<double, int> roundedSteps(double top, int maxSteps)
{
    if (!(top > 0))
        return {0.2, 5};
    const double magnitude = std::pow(10.0, std::floor(std::log10(top)) - 1);
    // A 1-2-5 step lies in any range of ratio 3: [top/6, top/2) for 3 to 6 steps, [top/3, top)
    // for 2 or 3, so there is always one.
    const int minSteps = maxSteps <= 3 ? 2 : 3;
    std::pair<double, int> best{top, 1};
    for (double m : {magnitude, magnitude * 10, magnitude * 100}) {
        for (double f : {1.0, 2.0, 2.5, 5.0}) {
            const double step = f * m;
            // 2.5 and 7.5 on an axis of counts from 1 up read as fractions of a review or decision.
            if (f == 2.5 && step < 10 && top >= 1)
                continue;
            const int steps = int(std::ceil(top / step - 1e-9));
            if (steps >= minSteps && steps <= maxSteps && (best.second == 1 || step * steps < best.first * best.second))
                best = {step, steps};
        }
    }
    return best;
}

QValueAxis *roundedAxis(const ChartStyle &style, const QString &title, double top, int maxSteps)
{
    QValueAxis *axis = valueAxis(style, title, 0, 1);
    setRoundedRange(axis, top, maxSteps);
    return axis;
}

void setRoundedRange(QValueAxis *axis, double top, int maxSteps)
{
    const auto [step, steps] = roundedSteps(top, maxSteps);
    axis->setRange(0, step * steps);
    setTickInterval(axis, step);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsOf(step)));
}

QString emptyText()
{
    return QCoreApplication::translate("atalaya::charts", "No decisions in this period");
}

}  // namespace atalaya::charts

#pragma once

#include "core/aggregates/StatsTypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QPalette>
#include <QString>

#include <functional>
#include <vector>

class QAbstractAxis;
class QBarSet;
class QHorizontalBarSeries;
class QChart;
class QChartView;
class QCategoryAxis;
class QValueAxis;
class QXYSeries;
class QWidget;

namespace atalaya::charts {

// Translation context of every dashboard chart text (titles, axes, legends, tooltips).
struct DashboardCharts {
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)
};

// Colours and fonts of every chart, from the widget palette (light or dark) or for print.
struct ChartStyle {
    bool dark = false;
    bool print = false;
    QColor text;
    QColor grid;
    QColor background;
    QColor accent(int index) const;
    static QColor good() { return QColor(0x2e, 0x9e, 0x5b); }
    static QColor warning() { return QColor(0xe0, 0x9a, 0x1b); }
    static QColor bad() { return QColor(0xd6, 0x45, 0x3d); }

    static ChartStyle fromPalette(const QPalette &palette);
    static ChartStyle forPrint();
};

QChart *newChart(const ChartStyle &style, const QString &title);
// The colours and fonts newChart gives, for a chart that is kept and restyled in place when
// the theme changes (live charts). Series colours are the caller's: a theme resets them.
void applyChartStyle(const ChartStyle &style, QChart *chart);
QValueAxis *valueAxis(const ChartStyle &style, const QString &title, double min, double max,
                      const QString &labelFormat = QStringLiteral("%.0f"));
// A day axis (x in milliseconds since the epoch, UTC): labels are UTC days whatever the
// machine's time zone (Qt's date-time axis labels in local time), set by setDayRange.
QCategoryAxis *dateAxis(const ChartStyle &style, const QString &title);
void styleAxis(const ChartStyle &style, QAbstractAxis *axis, const QString &title);
// Ticks at multiples of interval (0, 0.5, 1 or 0, 1000, 2000…) instead of the range split evenly.
void setTickInterval(QValueAxis *axis, double interval);

// Hover tooltips for line and scatter series; text(point) says what the point is.
void attachTooltip(QXYSeries *series, std::function<QString(const QPointF &)> text);
// Hover tooltips for the bars of a set; text(index) says what the bar is.
void attachTooltip(QBarSet *set, std::function<QString(int)> text);
// One bar set as horizontal bars, named by `categories` on the left axis (names read level
// instead of rotated and overlapping); the caller adds and attaches the value axis.
QHorizontalBarSeries *addHorizontalBars(const ChartStyle &style, QChart *chart, QBarSet *set,
                                        const QStringList &categories);
// Value labels of a one-set horizontal bar series with the texts given (the series' own
// labels print "84" for 84.0 and cannot show "84,0 %" like the tables): inside the end of
// each bar in insideColor, or just past a bar too short to hold its text in outsideColor.
// Kept in place when the plot area moves.
void labelHorizontalBars(QChart *chart, QHorizontalBarSeries *series, const QStringList &texts,
                         const QColor &insideColor, const QColor &outsideColor);

// Per-day series: x is noon UTC of the ISO day, so a day's point sits in the middle of it.
qint64 dayMs(const QString &isoDay);
QString dayText(qint64 ms);
// The current UTC day: its decisions are still arriving and their verdicts with them.
bool isToday(const QString &isoDay);
// Covers the days of the series with half a day of margin on each side.
void setDateRange(QCategoryAxis *axis, const std::vector<GroupSummary> &days);
// The days whose noons (UTC, ms) are first to last, each half a day of margin, with a tick and
// its label at 00:00 UTC every whole number of days from the first (not the span split evenly,
// which put ticks at odd hours, 4, 4, 5, 4… days apart); no label sits on the right edge, where
// it would be cut.
void setDayRange(QCategoryAxis *axis, qint64 firstNoonMs, qint64 lastNoonMs);
// Days per tick (at most 7 ticks) and the number of ticks, all before the end of `days` days.
std::pair<int, int> dayTicks(int days);
// 0 to a round maximum above top in 3 to maxSteps steps of 1, 2, 2.5 or 5 × 10^n (counts, ms; no 2.5
// or 0.25 steps from a top of 1 up, which read as fractions of a count).
QValueAxis *roundedAxis(const ChartStyle &style, const QString &title, double top, int maxSteps = 6);
// Sets an existing axis to that range and those steps, with the decimals the step needs.
void setRoundedRange(QValueAxis *axis, double top, int maxSteps = 6);
// The step and the number of steps of that range: the smallest maximum at or above top.
// A small chart asks for fewer steps (3: then 2 or 3): Qt elides every label when they crowd.
std::pair<double, int> roundedSteps(double top, int maxSteps = 6);

// Centre message drawn in place of an empty chart ("no decisions in this period").
QString emptyText();

}  // namespace atalaya::charts

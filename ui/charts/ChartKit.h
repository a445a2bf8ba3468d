#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <functional>

class QAbstractAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;
class QXYSeries;
class QWidget;

namespace atalaya::charts {

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
QValueAxis *valueAxis(const ChartStyle &style, const QString &title, double min, double max,
                      const QString &labelFormat = QStringLiteral("%.0f"));
QDateTimeAxis *dateAxis(const ChartStyle &style, const QString &title, int days);
void styleAxis(const ChartStyle &style, QAbstractAxis *axis, const QString &title);

// Hover tooltips for line and scatter series; text(point) says what the point is.
void attachTooltip(QXYSeries *series, std::function<QString(const QPointF &)> text);

// Centre message drawn in place of an empty chart ("no decisions in this period").
QString emptyText();

} // namespace atalaya::charts

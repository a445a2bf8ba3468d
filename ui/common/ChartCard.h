#pragma once

#include <QFrame>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace atalaya {

// A framed chart with its empty state ("no decisions in this period"). Owns its chart. The
// chart view is created with the first chart: a QChartView costs milliseconds on the UI
// thread, and pages that are never opened should not pay it at start-up.
class ChartCard : public QFrame {
    Q_OBJECT
public:
    explicit ChartCard(QWidget *parent = nullptr);

    // Replaces the chart (the old one is deleted); empty = show the empty-state text instead.
    void setChart(QChart *chart, bool empty = false);
    // Null until the first setChart().
    QChart *chart() const;
    QChartView *view() const { return m_view; }
    bool isEmptyState() const;

private:
    QStackedWidget *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};

// The frame look shared by cards (charts, KPIs, tables).
void applyCardStyle(QFrame *frame);

}  // namespace atalaya

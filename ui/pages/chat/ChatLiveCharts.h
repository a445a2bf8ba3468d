#pragma once

#include "chat/ChatMetrics.h"

#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace atalaya {

// Messages per minute and assistant latency over the rolling window, in bins of a few
// seconds, x = seconds before now. Updated in place (series replace), never rebuilt.
class ChatLiveCharts : public QWidget {
    Q_OBJECT
public:
    explicit ChatLiveCharts(QWidget *parent = nullptr);
    void setData(const std::vector<ChatSecondPoint> &points, qint64 nowMs, int windowSeconds);

private:
    struct Chart {
        QChartView *view = nullptr;
        QLineSeries *series = nullptr;
        QValueAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };
    Chart makeChart(const QString &title, const QString &yTitle, const QColor &color);

    Chart m_rate;
    Chart m_latency;
};

} // namespace atalaya

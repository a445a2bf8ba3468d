#pragma once

#include "core/chat/ChatMetrics.h"

#include <QWidget>

class QLineSeries;
class QValueAxis;

namespace atalaya {

class ChartCard;

// Messages per minute and assistant latency over the rolling window, in bins of a few
// seconds, x = seconds before now. Updated in place (series replace), never rebuilt; a
// theme change restyles the same charts.
class ChatLiveCharts : public QWidget {
    Q_OBJECT
public:
    explicit ChatLiveCharts(QWidget *parent = nullptr);
    void setData(const std::vector<ChatSecondPoint> &points, qint64 nowMs, int windowSeconds);
    ChartCard *rateCard() const { return m_rate.card; }
    ChartCard *latencyCard() const { return m_latency.card; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Chart {
        ChartCard *card = nullptr;
        QLineSeries *series = nullptr;
        QValueAxis *x = nullptr;
        QValueAxis *y = nullptr;
        int accent = 0;  // ChartStyle::accent index of the line
    };
    Chart makeChart(int accent);
    void applyStyle();
    void retranslate();

    Chart m_rate;
    Chart m_latency;
};

}  // namespace atalaya

#include "pages/chat/ChatLiveCharts.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace atalaya {

ChatLiveCharts::ChatLiveCharts(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rate = makeChart(tr("Messages per minute"), tr("msg/min"), QColor(0x25, 0x63, 0xeb));
    m_latency = makeChart(tr("Assistant latency (average)"), tr("ms"), QColor(0xd9, 0x77, 0x06));
    layout->addWidget(m_rate.view);
    layout->addWidget(m_latency.view);
}

ChatLiveCharts::Chart ChatLiveCharts::makeChart(const QString &title, const QString &yTitle, const QColor &color)
{
    Chart c;
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    c.series = new QLineSeries;
    QPen pen(color);
    pen.setWidthF(2.0);
    c.series->setPen(pen);
    c.series->setPointsVisible(true);
    chart->addSeries(c.series);
    c.x = new QValueAxis;
    c.x->setLabelFormat(QStringLiteral("%d"));
    c.x->setTickType(QValueAxis::TicksDynamic);
    c.x->setTickAnchor(0);
    c.x->setTickInterval(60);
    c.x->setTitleText(tr("seconds ago"));
    c.y = new QValueAxis;
    c.y->setLabelFormat(QStringLiteral("%.0f"));
    c.y->setTitleText(yTitle);
    chart->addAxis(c.x, Qt::AlignBottom);
    chart->addAxis(c.y, Qt::AlignLeft);
    c.series->attachAxis(c.x);
    c.series->attachAxis(c.y);
    c.view = new QChartView(chart, this);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumHeight(200);
    return c;
}

void ChatLiveCharts::setData(const std::vector<ChatSecondPoint> &points, qint64 nowMs, int windowSeconds)
{
    const int bin = windowSeconds <= 120 ? 5 : 10;
    const int bins = std::max(1, windowSeconds / bin);
    const qint64 nowSecond = nowMs / 1000;
    std::vector<qint64> messages(bins, 0), latencySum(bins, 0), latencyCount(bins, 0);
    for (const ChatSecondPoint &p : points) {
        const qint64 ago = nowSecond - p.second;
        if (ago < 0 || ago >= qint64(bins) * bin)
            continue;
        const auto b = static_cast<size_t>(bins - 1 - ago / bin);
        messages[b] += p.messages;
        latencySum[b] += p.latencySumMs;
        latencyCount[b] += p.latencyCount;
    }
    QList<QPointF> rate, latency;
    double maxRate = 1.0, maxLatency = 100.0;
    for (int b = 0; b < bins; ++b) {
        const double x = -double(bins - 1 - b) * bin;
        const double perMinute = double(messages[b]) * 60.0 / bin;
        rate.append(QPointF(x, perMinute));
        maxRate = std::max(maxRate, perMinute);
        if (latencyCount[b] > 0) {
            const double avg = double(latencySum[b]) / double(latencyCount[b]);
            latency.append(QPointF(x, avg));
            maxLatency = std::max(maxLatency, avg);
        }
    }
    m_rate.series->replace(rate);
    m_latency.series->replace(latency);
    for (Chart *c : {&m_rate, &m_latency}) {
        c->x->setRange(-double(bins - 1) * bin, 0);
        c->x->setTickInterval(windowSeconds > 600 ? 300 : windowSeconds > 120 ? 60 : 15);
    }
    // Round the y range up to a tidy number, so the axis does not jitter on every redraw.
    auto tidy = [](double v) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
        return std::ceil(v / magnitude * 1.1) * magnitude;
    };
    m_rate.y->setRange(0, tidy(maxRate));
    m_latency.y->setRange(0, tidy(maxLatency));
}

} // namespace atalaya

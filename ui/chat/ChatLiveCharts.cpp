#include "ui/chat/ChatLiveCharts.h"

#include "ui/common/ChartKit.h"
#include "ui/common/ChartCard.h"

#include <QChart>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace atalaya {

ChatLiveCharts::ChatLiveCharts(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    m_rate = makeChart(0);
    m_latency = makeChart(2);
    layout->addWidget(m_rate.card);
    layout->addWidget(m_latency.card);
    retranslate();
    applyStyle();
}

ChatLiveCharts::Chart ChatLiveCharts::makeChart(int accent)
{
    Chart c;
    c.accent = accent;
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    c.series = new QLineSeries;
    c.series->setPointsVisible(true);
    chart->addSeries(c.series);
    c.x = new QValueAxis;
    c.x->setLabelFormat(QStringLiteral("%.0f"));  // localized labels need an explicit precision
    charts::setTickInterval(c.x, 60);
    c.x->setRange(-300, 0);
    c.y = new QValueAxis;
    charts::setRoundedRange(c.y, 1);
    chart->addAxis(c.x, Qt::AlignBottom);
    chart->addAxis(c.y, Qt::AlignLeft);
    c.series->attachAxis(c.x);
    c.series->attachAxis(c.y);
    c.card = new ChartCard(this);
    c.card->setChart(chart);
    return c;
}

void ChatLiveCharts::retranslate()
{
    m_rate.card->chart()->setTitle(tr("Messages per minute"));
    m_rate.y->setTitleText(tr("msg/min"));
    m_latency.card->chart()->setTitle(tr("Assistant latency (average)"));
    m_latency.y->setTitleText(tr("ms"));
    for (Chart *c : {&m_rate, &m_latency})
        c->x->setTitleText(tr("seconds ago"));
}

void ChatLiveCharts::applyStyle()
{
    const auto style = charts::ChartStyle::fromPalette(palette());
    for (Chart *c : {&m_rate, &m_latency}) {
        charts::applyChartStyle(style, c->card->chart());
        charts::styleAxis(style, c->x, c->x->titleText());
        charts::styleAxis(style, c->y, c->y->titleText());
        const QColor color = style.accent(c->accent);
        c->series->setPen(QPen(color, 2.0));
        c->series->setColor(color);
    }
}

void ChatLiveCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    // The style carries the number locale of the axis labels too.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        applyStyle();
    QWidget::changeEvent(event);
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
    charts::setRoundedRange(m_rate.y, maxRate * 1.1);
    charts::setRoundedRange(m_latency.y, maxLatency * 1.1);
}

}  // namespace atalaya

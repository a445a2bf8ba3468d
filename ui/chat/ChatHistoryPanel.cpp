#include "ui/chat/ChatHistoryPanel.h"

#include "ui/chat/LiveKpiCard.h"
#include "ui/common/ChartCard.h"
#include "ui/common/ChartKit.h"
#include "ui/common/Format.h"

#include <QChart>
#include <QCategoryAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

#include <map>
#include <utility>
#include <vector>

namespace atalaya {
namespace {

qint64 noonMs(const QDate &day)
{
    return QDateTime(day, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
}

}  // namespace

ChatHistoryPanel::ChatHistoryPanel(QWidget *parent) : QWidget(parent)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(6);
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("chatHistoryCaption"));
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    root->addWidget(m_caption);
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    const struct {
        LiveKpiCard **card;
        const char *name;
    } defs[] = {
        {&m_conversations, "histConversations"}, {&m_messages, "histMessages"}, {&m_latencyAvg, "histLatencyAvg"},
        {&m_latencyP95, "histLatencyP95"},       {&m_success, "histSuccess"},   {&m_satisfaction, "histSatisfaction"},
        {&m_resolution, "histResolution"}};
    int column = 0;
    for (const auto &d : defs) {
        *d.card = new LiveKpiCard(QString::fromLatin1(d.name), QString(), this);
        cards->addWidget(*d.card, 0, column);
        cards->setColumnStretch(column++, 1);
    }
    root->addLayout(cards);
    auto *chartRow = new QHBoxLayout;
    chartRow->setSpacing(10);
    m_messagesChart = new ChartCard(this);
    m_messagesChart->setObjectName(QStringLiteral("histMessagesChart"));
    m_latencyChart = new ChartCard(this);
    m_latencyChart->setObjectName(QStringLiteral("histLatencyChart"));
    chartRow->addWidget(m_messagesChart);
    chartRow->addWidget(m_latencyChart);
    root->addLayout(chartRow, 1);
    retranslate();
    drawCharts();
}

void ChatHistoryPanel::retranslate()
{
    m_conversations->setTitle(tr("Conversations"));
    m_messages->setTitle(tr("Messages"));
    m_latencyAvg->setTitle(tr("Assistant latency avg"));
    m_latencyP95->setTitle(tr("Assistant latency P95"));
    m_success->setTitle(tr("Success rate"));
    m_satisfaction->setTitle(tr("Satisfaction"));
    m_resolution->setTitle(tr("Resolution rate"));
    if (!m_note.isEmpty())
        m_caption->setText(m_note);
    else if (m_loaded)
        show(m_metrics, m_periodDays);
}

void ChatHistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        drawCharts();
    QWidget::changeEvent(event);
}

void ChatHistoryPanel::showNote(const QString &text)
{
    m_note = text;
    m_loaded = false;
    m_caption->setText(text);
    for (LiveKpiCard *c :
         {m_conversations, m_messages, m_latencyAvg, m_latencyP95, m_success, m_satisfaction, m_resolution})
        c->set(fmt::dash());
    m_metrics = {};
    drawCharts();
}

void ChatHistoryPanel::show(const ChatHistoryMetrics &m, int periodDays)
{
    const bool redraw = !m_loaded || m_periodDays != periodDays || m.days.size() != m_metrics.days.size();
    m_metrics = m;
    m_periodDays = periodDays;
    m_loaded = true;
    m_note.clear();
    const QLocale locale;
    m_caption->setText(
        tr("The last %n day(s) from the chat tables; the live feed's window is above.", nullptr, periodDays));
    m_conversations->set(fmt::count(m.conversations), tr("started"));
    m_messages->set(fmt::count(m.messages), tr("%1 from the assistant").arg(fmt::count(m.assistantMessages)));
    m_latencyAvg->set(fmt::ms(m.latencyAvgMs), tr("of assistant answers"));
    m_latencyP95->set(fmt::ms(m.latencyP95Ms), tr("nearest rank"));
    m_success->set(fmt::ratioPercent(m.successRate), tr("of assistant answers"));
    m_satisfaction->set(m.satisfactionAvg ? QStringLiteral("%1 ★").arg(locale.toString(*m.satisfactionAvg, 'f', 2))
                                          : fmt::dash(),
                        tr("%n rating(s)", nullptr, int(m.satisfactionCount)));
    m_resolution->set(fmt::ratioPercent(m.resolutionRate), tr("of completed"));
    if (redraw)
        drawCharts();
}

void ChatHistoryPanel::drawCharts()
{
    using namespace charts;
    const ChartStyle style = ChartStyle::fromPalette(palette());
    // The message counts run from the first to the last day with a message, a day without any
    // inside that span at 0. A day before or after it has only a conversation starting or a
    // rating (a conversation started at 23:50 whose first message came after midnight): a 0 there
    // drew a drop that never happened. Today's count so far is left out for the same reason (at
    // 04:00 UTC the demo's 20 messages fell from about 120 a day); the KPIs above still count them.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    std::map<QDate, qint64> messagesPerDay;
    for (const ChatHistoryDay &d : m_metrics.days) {
        if (d.messages > 0 && d.day != today)
            messagesPerDay[d.day] = d.messages;
    }
    std::vector<std::pair<QDate, double>> messagePoints;
    if (!messagesPerDay.empty()) {
        for (QDate day = messagesPerDay.begin()->first; day <= messagesPerDay.rbegin()->first; day = day.addDays(1)) {
            const auto it = messagesPerDay.find(day);
            messagePoints.emplace_back(day, it == messagesPerDay.end() ? 0.0 : double(it->second));
        }
    }
    std::vector<std::pair<QDate, double>> latencyPoints;
    for (const ChatHistoryDay &d : m_metrics.days) {
        if (d.latencyAvgMs)
            latencyPoints.emplace_back(d.day, *d.latencyAvgMs);
    }
    const struct {
        ChartCard *card;
        QString title;
        QString unit;
        int accent;
        const std::vector<std::pair<QDate, double>> &points;
    } defs[] = {
        {m_messagesChart, tr("Messages per day"), tr("messages"), 0, messagePoints},
        {m_latencyChart, tr("Assistant latency per day (average)"), tr("ms"), 2, latencyPoints},
    };
    for (const auto &def : defs) {
        QChart *chart = newChart(style, def.title);
        chart->legend()->hide();
        auto *series = new QLineSeries;
        series->setPen(QPen(style.accent(def.accent), 2));
        series->setPointsVisible(true);
        double top = 0;
        for (const auto &[day, value] : def.points) {
            series->append(double(noonMs(day)), value);
            top = std::max(top, value);
        }
        const QString unit = def.unit;
        attachTooltip(series, [unit](const QPointF &p) {
            return QStringLiteral("%1: %2 %3").arg(dayText(qint64(p.x())), QLocale().toString(p.y(), 'f', 0), unit);
        });
        chart->addSeries(series);
        auto *x = dateAxis(style, QString());
        if (!m_metrics.days.empty())
            setDayRange(x, noonMs(m_metrics.days.front().day), noonMs(m_metrics.days.back().day));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        QValueAxis *y = roundedAxis(style, def.unit, top * 1.1);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        def.card->setChart(chart, series->count() == 0);
    }
}

}  // namespace atalaya

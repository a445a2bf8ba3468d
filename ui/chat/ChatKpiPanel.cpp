#include "ui/chat/ChatKpiPanel.h"

#include "ui/chat/LiveKpiCard.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <limits>

namespace atalaya {

namespace {

QString percent(const std::optional<double> &ratio)
{
    return ratio ? QLocale().toString(*ratio * 100.0, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
}

}  // namespace

ChatKpiPanel::ChatKpiPanel(QWidget *parent) : QWidget(parent)
{
    auto *cards = new QGridLayout(this);
    cards->setContentsMargins(0, 0, 0, 0);
    cards->setSpacing(8);
    const struct {
        LiveKpiCard **card;
        const char *name;
    } defs[] = {{&m_active, "kpiActive"},         {&m_rate, "kpiRate"},       {&m_latencyAvg, "kpiLatencyAvg"},
                {&m_latencyP95, "kpiLatencyP95"}, {&m_success, "kpiSuccess"}, {&m_satisfaction, "kpiSatisfaction"},
                {&m_resolution, "kpiResolution"}, {&m_errors, "kpiErrors"}};
    int column = 0;
    for (const auto &d : defs) {
        *d.card = new LiveKpiCard(QString::fromLatin1(d.name), QString(), this);
        cards->addWidget(*d.card, 0, column);
        cards->setColumnStretch(column++, 1);
    }
    retranslate();
}

void ChatKpiPanel::retranslate()
{
    m_active->setTitle(tr("Active conversations"));
    m_rate->setTitle(tr("Messages / min"));
    m_latencyAvg->setTitle(tr("Assistant latency avg"));
    m_latencyP95->setTitle(tr("Assistant latency P95"));
    m_success->setTitle(tr("Success rate"));
    m_satisfaction->setTitle(tr("Satisfaction"));
    m_resolution->setTitle(tr("Resolution rate"));
    m_errors->setTitle(tr("Errors"));
}

void ChatKpiPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatKpiPanel::show(const ChatTotals &totals, const ChatWindowMetrics &w)
{
    const QLocale locale;
    const QString windowNote = tr("last %1 min").arg(locale.toString(w.windowSeconds / 60.0, 'g', 3));
    m_active->set(locale.toString(w.activeConversations), windowNote);
    m_rate->set(locale.toString(w.messagesPerMinute, 'f', 1), tr("%1 messages").arg(locale.toString(w.messages)));
    m_latencyAvg->set(w.latencyAvgMs ? tr("%1 ms").arg(locale.toString(*w.latencyAvgMs, 'f', 0)) : QStringLiteral("—"),
                      windowNote);
    m_latencyP95->set(w.latencyP95Ms ? tr("%1 ms").arg(locale.toString(*w.latencyP95Ms)) : QStringLiteral("—"),
                      tr("nearest rank"));
    m_success->set(percent(w.successRate), tr("of assistant answers"));
    m_satisfaction->set(w.satisfactionAvg ? QStringLiteral("%1 ★").arg(locale.toString(*w.satisfactionAvg, 'f', 2))
                                          : QStringLiteral("—"),
                        tr("%n rating(s)", nullptr, int(w.satisfactionCount)));
    m_resolution->set(percent(w.resolutionRate), tr("of completed"));
    m_errors->set(locale.toString(w.errors), tr("%1 since connect").arg(locale.toString(totals.errors)));
}

ChatTopIntents::ChatTopIntents(QWidget *parent) : QWidget(parent)
{
    auto *intents = new QGridLayout(this);
    // The right margin keeps the counts off the page's vertical scrollbar.
    intents->setContentsMargins(4, 0, 6, 0);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    intents->addWidget(m_title, 0, 0, 1, 3);
    for (int i = 0; i < kShown; ++i) {
        auto *name = new QLabel(this);
        name->setObjectName(QStringLiteral("intentName%1").arg(i));
        name->setWordWrap(true);
        auto *bar = new QProgressBar(this);
        bar->setObjectName(QStringLiteral("intentBar%1").arg(i));
        // The count sits beside the bar: drawn inside, it straddled the bar's edge.
        bar->setTextVisible(false);
        bar->setMaximumHeight(14);
        bar->setRange(0, 1);
        bar->setValue(0);
        bar->setVisible(false);
        auto *count = new QLabel(this);
        count->setObjectName(QStringLiteral("intentCount%1").arg(i));
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        intents->addWidget(name, i + 1, 0);
        intents->addWidget(bar, i + 1, 1);
        intents->addWidget(count, i + 1, 2);
        m_names << name;
        m_bars << bar;
        m_counts << count;
    }
    intents->setColumnStretch(1, 1);
    intents->setRowStretch(kShown + 1, 1);
    setMinimumWidth(220);
    retranslate();
}

void ChatTopIntents::retranslate()
{
    m_title->setText(m_period ? tr("<b>Top intents</b> (period, none live yet)") : tr("<b>Top intents</b> (window)"));
    if (m_bars.first()->isHidden())
        m_names.first()->setText(tr("No answers in the window yet"));
}

void ChatTopIntents::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatTopIntents::show(const ChatWindowMetrics &w, const std::vector<std::pair<QString, qint64>> &period)
{
    m_period = w.topIntents.empty() && !period.empty();
    const auto &intents = m_period ? period : w.topIntents;
    const qint64 top = intents.empty() ? 1 : intents.front().second;
    const QLocale locale;
    for (int i = 0; i < kShown; ++i) {
        const bool has = i < int(intents.size());
        m_names[i]->setText(has ? intents[size_t(i)].first : QString());
        m_bars[i]->setVisible(has);
        m_counts[i]->setText(has ? locale.toString(intents[size_t(i)].second) : QString());
        if (has) {
            m_bars[i]->setRange(0, int(std::min<qint64>(top, std::numeric_limits<int>::max())));
            m_bars[i]->setValue(int(std::min<qint64>(intents[size_t(i)].second, std::numeric_limits<int>::max())));
        }
    }
    retranslate();
    // A count that grew ("2" to "11") gets its width now: the page may be grabbed, or painted,
    // before the posted layout request runs, and a right-aligned label clips the leading digit.
    layout()->activate();
}

}  // namespace atalaya

#include "ui/common/FilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace atalaya {
namespace {
constexpr int kCustom = -1;
const int kPresetDays[] = {7, 30, 90};
}  // namespace

FilterBar::FilterBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    m_periodLabel = new QLabel(this);
    m_period = new QComboBox(this);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setVisible(false);
    }
    m_agentLabel = new QLabel(this);
    m_agent = new QComboBox(this);
    m_agent->setMinimumContentsLength(18);
    m_agent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_taskLabel = new QLabel(this);
    m_task = new QComboBox(this);
    m_task->setMinimumContentsLength(16);
    m_task->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_refresh = new QToolButton(this);
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_auto = new QCheckBox(this);
    m_auto->setChecked(true);
    layout->addWidget(m_periodLabel);
    layout->addWidget(m_period);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addSpacing(12);
    layout->addWidget(m_agentLabel);
    layout->addWidget(m_agent);
    layout->addSpacing(12);
    layout->addWidget(m_taskLabel);
    layout->addWidget(m_task);
    layout->addStretch(1);
    layout->addWidget(m_auto);
    layout->addWidget(m_refresh);

    for (QComboBox *c : {m_period, m_agent, m_task})
        connect(c, &QComboBox::currentIndexChanged, this, &FilterBar::readWidgets);
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, &FilterBar::readWidgets);
    connect(m_refresh, &QToolButton::clicked, this, &FilterBar::refreshRequested);
    connect(m_auto, &QCheckBox::toggled, this, &FilterBar::autoRefreshToggled);
    retranslate();
}

void FilterBar::fillCombo(QComboBox *combo, const QString &allText, const QStringList &items, const QString &current)
{
    combo->clear();
    combo->addItem(allText, QString());
    for (const QString &item : items)
        combo->addItem(item, item);
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(current, current);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void FilterBar::syncWidgets()
{
    m_syncing = true;
    const bool custom = m_filter.isCustom();
    const int periodIndex = m_period->findData(custom ? kCustom : m_filter.days);
    if (periodIndex < 0 && !custom) {
        m_period->addItem(tr("Last %n days", nullptr, m_filter.days), m_filter.days);
        m_period->setCurrentIndex(m_period->count() - 1);
    } else {
        m_period->setCurrentIndex(periodIndex);
    }
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (custom) {
        m_from->setDate(m_filter.firstDay());
        m_to->setDate(m_filter.lastDay());
    }
    fillCombo(m_agent, tr("All agents"), m_agents, m_filter.agentId);
    fillCombo(m_task, tr("All task types"), m_taskTypes, m_filter.taskType);
    m_syncing = false;
}

void FilterBar::readWidgets()
{
    if (m_syncing)
        return;
    DashboardFilter f;
    const int days = m_period->currentData().toInt();
    const bool custom = days == kCustom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    if (custom) {
        if (!m_filter.customFrom.isValid()) {
            // The days of a custom range are UTC days, like every figure: the local date is a
            // day off for part of every day anywhere but UTC.
            const QDate today = QDateTime::currentDateTimeUtc().date();
            m_syncing = true;
            m_to->setDate(today);
            m_from->setDate(today.addDays(-m_filter.days + 1));
            m_syncing = false;
        }
        f.days = m_filter.days;
        f.setCustomDays(m_from->date(), m_to->date());
    } else {
        f.days = days;
    }
    f.agentId = m_agent->currentData().toString();
    f.taskType = m_task->currentData().toString();
    if (f == m_filter)
        return;
    m_filter = f;
    emit filterChanged(m_filter);
}

void FilterBar::setFilter(const DashboardFilter &filter)
{
    const bool changed = !(filter == m_filter);
    m_filter = filter;
    syncWidgets();
    if (changed)
        emit filterChanged(m_filter);
}

void FilterBar::setChoices(const QStringList &agents, const QStringList &taskTypes)
{
    m_agents = agents;
    m_taskTypes = taskTypes;
    syncWidgets();
}

void FilterBar::setAutoRefresh(bool on, int seconds)
{
    m_refreshSeconds = seconds;
    const QSignalBlocker blocker(m_auto);
    m_auto->setChecked(on);
    retranslate();
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FilterBar::retranslate()
{
    m_syncing = true;
    m_periodLabel->setText(tr("Period"));
    m_agentLabel->setText(tr("Agent"));
    m_taskLabel->setText(tr("Task type"));
    m_period->clear();
    for (int d : kPresetDays)
        m_period->addItem(tr("Last %n days", nullptr, d), d);
    m_period->addItem(tr("Custom range…"), kCustom);
    m_refresh->setToolTip(tr("Refresh now (F5)"));
    m_auto->setText(tr("Auto-refresh every %1 s").arg(m_refreshSeconds));
    m_syncing = false;
    syncWidgets();
}

}  // namespace atalaya

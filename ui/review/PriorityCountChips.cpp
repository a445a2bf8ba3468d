#include "ui/review/PriorityCountChips.h"

#include "ui/review/ReviewColors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace atalaya {

PriorityCountChips::PriorityCountChips(QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kPriorityCount; ++i) {
        auto *card = new QLabel(this);
        card->setObjectName(QStringLiteral("count%1").arg(priorityName(static_cast<Priority>(i))));
        card->setTextFormat(Qt::RichText);
        card->setMinimumWidth(160);
        m_labels[static_cast<size_t>(i)] = card;
        row->addWidget(card);
    }
    row->addStretch(1);
    applyStyle();
}

void PriorityCountChips::setRules(const ReviewRules &rules)
{
    m_rules = rules;
    render();
}

void PriorityCountChips::setCounts(const QueueCounts &counts)
{
    m_counts = counts;
    m_state = State::Known;
    render();
}

void PriorityCountChips::setState(State state)
{
    m_state = state;
    render();
}

void PriorityCountChips::setDeadlinesShown(bool shown)
{
    m_deadlinesShown = shown;
    render();
}

void PriorityCountChips::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
    else if (event->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(event);
}

QString PriorityCountChips::deadlineText(Priority p) const
{
    const PriorityRules &rules = m_rules.priority(p);
    if (rules.slaHours <= 0)
        return rules.samplePercent < 100 ? tr("%1 % sample").arg(rules.samplePercent) : tr("no deadline");
    if (rules.slaHours % (24 * 7) == 0)
        return tr("within %n week(s)", nullptr, rules.slaHours / (24 * 7));
    if (rules.slaHours % 24 == 0 && rules.slaHours > 24)
        return tr("within %n day(s)", nullptr, rules.slaHours / 24);
    return tr("within %n h", nullptr, rules.slaHours);
}

// Style sheets only when the palette changes: setting one re-polishes the label, which is
// too slow for every verdict (the counts change on each key press).
void PriorityCountChips::applyStyle()
{
    m_colors = ReviewColors::of(palette());
    for (int i = 0; i < kPriorityCount; ++i) {
        m_labels[static_cast<size_t>(i)]->setStyleSheet(
            QStringLiteral("QLabel { background: palette(base); border: 1px solid %1;"
                           " border-left: 5px solid %2; border-radius: 6px; padding: 6px 10px; }")
                .arg(m_colors.border.name(), m_colors.priority(static_cast<Priority>(i)).name()));
    }
    render();
}

void PriorityCountChips::render()
{
    const ReviewColors &colors = m_colors;
    const QLocale locale;
    for (int i = 0; i < kPriorityCount; ++i) {
        const auto p = static_cast<Priority>(i);
        const auto index = static_cast<size_t>(i);
        const bool hasDeadline = m_deadlinesShown && m_rules.priority(p).slaHours > 0;
        const qint64 overdue = m_counts.overdue[index];
        QString number = locale.toString(m_counts.total[index]);
        QString detail;
        if (m_state != State::Known) {
            number = QStringLiteral("<span style='color:%1'>—</span>").arg(colors.muted.name());
            detail =
                QStringLiteral("<span style='color:%1'>%2</span>")
                    .arg(colors.muted.name(), m_state == State::Counting ? tr("counting…") : tr("count unavailable"));
        } else if (!hasDeadline) {
            detail = QStringLiteral("<span style='color:%1'>%2</span>").arg(colors.muted.name(), tr("no deadline"));
        } else if (overdue > 0) {
            detail = QStringLiteral("<span style='color:%1;font-weight:600'>%2</span>")
                         .arg(colors.danger.name(), tr("%1 overdue").arg(locale.toString(overdue)));
        } else {
            detail = QStringLiteral("<span style='color:%1'>%2</span>").arg(colors.ok.name(), tr("none overdue"));
        }
        QLabel *card = m_labels[index];
        card->setToolTip(m_deadlinesShown
                             ? tr("%1 (%2): pending decisions and how many are past their deadline.")
                                   .arg(priorityName(p), deadlineText(p))
                             : tr("%1: decisions of this priority waiting in this view for you.").arg(priorityName(p)));
        card->setText(
            QStringLiteral("<span style='color:%1'><b style='color:%2'>%3</b> · %4</span><br>"
                           "<span style='font-size:20pt;font-weight:700'>%5</span><br>%6")
                .arg(colors.muted.name(), colors.priority(p).name(), priorityName(p), deadlineText(p), number, detail));
    }
}

}  // namespace atalaya

#include "ui/review/ReviewDetailPane.h"
#include "ui/common/Format.h"

#include "ui/review/ReviewQueueModel.h"
#include "ui/review/ReviewColors.h"

#include <QJsonDocument>
#include <QLocale>

namespace atalaya {
namespace {

QString prettyJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QString text =
        doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
    return text.toHtmlEscaped();
}

}  // namespace

ReviewDetailPane::ReviewDetailPane(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setFocusPolicy(Qt::NoFocus);
    setToolTip(tr("The selected decision, its metadata and who reviewed it before"));
    refreshLook();
}

void ReviewDetailPane::refreshLook()
{
    const ReviewColors colors = ReviewColors::of(palette());
    document()->setDefaultStyleSheet(
        QStringLiteral("h2 { margin: 0; } .muted { color: %1; } .reason { font-weight: 600; }"
                       " pre { background: %2; border: 1px solid %3; padding: 6px; font-family: monospace; }"
                       " td { padding: 2px 8px 2px 0; } th { text-align: left; padding-right: 8px; color: %1; }")
            .arg(colors.muted.name(), colors.code.name(), colors.border.name()));
    if (m_id > 0)
        m_body = itemHtml(m_item, m_shownAt);
    render();
}

void ReviewDetailPane::showEmpty(const QString &message)
{
    m_id = 0;
    m_body = QStringLiteral("<p class='muted'>%1</p>").arg(message.toHtmlEscaped());
    m_history.clear();
    render();
}

void ReviewDetailPane::setBlind(bool blind)
{
    m_blind = blind;
}

void ReviewDetailPane::showItem(const QueueItem &it, const QDateTime &now)
{
    const bool sameItem = it.id == m_id;
    m_id = it.id;
    m_item = it;
    m_shownAt = now;
    m_body = itemHtml(it, now);
    if (m_blind)
        m_history = QStringLiteral("<h3>%1</h3><p class='muted'>%2</p>")
                        .arg(tr("Second review"),
                             tr("Blind review: the first verdict, its note and its reviewer are shown once yours "
                                "is in."));
    else if (!sameItem)
        m_history = QStringLiteral("<h3>%1</h3><p class='muted'>%2</p>").arg(tr("Feedback history"), tr("Loading…"));
    render();
}

QString ReviewDetailPane::itemHtml(const QueueItem &it, const QDateTime &now) const
{
    const ReviewColors colors = ReviewColors::of(palette());
    const QString color = colors.priority(it.priority).name();
    QString due;
    if (!it.dueAt.isValid())
        due = tr("no deadline");
    else if (it.overdueAt(now))
        due = QStringLiteral("<span style='color:%1;font-weight:600'>%2</span>")
                  .arg(colors.danger.name(),
                       tr("overdue by %1").arg(ReviewQueueModel::durationText(it.dueAt.secsTo(now))));
    else
        due = tr("due in %1").arg(ReviewQueueModel::durationText(now.secsTo(it.dueAt)));
    // Concatenated, not arg()-chained: decision text may itself contain "%1".
    auto row = [](const QString &k1, const QString &v1, const QString &k2, const QString &v2) {
        return QStringLiteral("<tr><th>") + k1 + QStringLiteral("</th><td>") + v1 + QStringLiteral("</td></tr><tr><th>")
            + k2 + QStringLiteral("</th><td>") + v2 + QStringLiteral("</td></tr>");
    };
    return QStringLiteral("<h2><span style='color:") + color + QStringLiteral("'>") + priorityName(it.priority)
        + QStringLiteral("</span> &nbsp;#") + QString::number(it.id) + QStringLiteral("</h2><p class='reason'>")
        + it.reason.toHtmlEscaped() + QStringLiteral("</p><table>")
        + row(tr("Agent"), it.agentId.toHtmlEscaped(), tr("Task"), it.taskType.toHtmlEscaped())
        + row(tr("Confidence"), QLocale().toString(it.confidence, 'f', 4), tr("Execution time"),
              tr("%1 ms").arg(QLocale().toString(it.executionTimeMs)))
        + row(tr("Created"), fmt::dateTimeSeconds(it.createdAt), tr("Deadline"), due) + QStringLiteral("</table>")
        + reviewsHtml(it) + QStringLiteral("<h3>") + tr("Decision") + QStringLiteral("</h3><pre>")
        + prettyJson(it.decisionJson) + QStringLiteral("</pre><h3>") + tr("Metadata") + QStringLiteral("</h3><pre>")
        + prettyJson(it.metadataJson) + QStringLiteral("</pre>");
}

QString ReviewDetailPane::reviewsHtml(const QueueItem &it) const
{
    if (it.reviews.empty())
        return {};
    // The reviews side by side, one column each: what the adjudicator decides between.
    QString heads;
    QString who;
    QString verdicts;
    QString notes;
    for (const ReviewRow &r : it.reviews) {
        const QString role = r.role == ReviewRole::First ? tr("First review")
            : r.role == ReviewRole::Second               ? tr("Second review")
                                                         : tr("Adjudication");
        heads += QStringLiteral("<th>") + role + QStringLiteral("</th>");
        who += QStringLiteral("<td>") + r.reviewer.toHtmlEscaped() + QStringLiteral("</td>");
        verdicts += QStringLiteral("<td><b>") + r.verdict.toHtmlEscaped() + QStringLiteral("</b></td>");
        notes += QStringLiteral("<td>")
            + (r.note.isEmpty() ? QStringLiteral("<span class='muted'>") + tr("no note") + QStringLiteral("</span>")
                                : r.note.toHtmlEscaped())
            + QStringLiteral("</td>");
    }
    return QStringLiteral("<h3>") + tr("Reviews to adjudicate") + QStringLiteral("</h3><table><tr>") + heads
        + QStringLiteral("</tr><tr>") + who + QStringLiteral("</tr><tr>") + verdicts + QStringLiteral("</tr><tr>")
        + notes + QStringLiteral("</tr></table>");
}

void ReviewDetailPane::showHistory(qint64 id, const std::vector<AuditEntry> &history)
{
    if (id != m_id || m_blind)
        return;
    m_history = QStringLiteral("<h3>%1</h3>").arg(tr("Feedback history"));
    if (history.empty()) {
        m_history += QStringLiteral("<p class='muted'>%1</p>").arg(tr("Never reviewed."));
    } else {
        m_history += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                         .arg(tr("When"), tr("Reviewer"), tr("Change"), tr("Note"));
        for (const AuditEntry &e : history) {
            const QString from = e.previousValue.isEmpty() ? tr("pending") : e.previousValue;
            const QString to = e.newValue.isEmpty() ? tr("pending") : e.newValue;
            m_history += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3 → %4</td><td>%5</td></tr>")
                             .arg(fmt::dateTimeSeconds(e.createdAt), e.reviewer.toHtmlEscaped(), from, to,
                                  e.note.toHtmlEscaped());
        }
        m_history += QStringLiteral("</table>");
    }
    render();
}

void ReviewDetailPane::render()
{
    setHtml(m_body + m_history);
}

}  // namespace atalaya

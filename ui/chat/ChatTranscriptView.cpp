#include "ui/chat/ChatTranscriptView.h"

#include "ui/common/ChartKit.h"
#include "ui/common/Format.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>
#include <QScrollBar>

namespace atalaya {

ChatTranscriptView::ChatTranscriptView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("Select a conversation to read its transcript."));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("decision"))
            emit decisionRequested(url.path().toLongLong());
    });
}

void ChatTranscriptView::showLines(const QString &conversationId, const std::vector<ChatTranscriptLine> &lines)
{
    const auto style = charts::ChartStyle::fromPalette(palette());
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const QString text = palette().color(QPalette::Text).name();
    QString html = QStringLiteral("<h3>%1</h3>").arg(conversationId.toHtmlEscaped());
    for (const ChatTranscriptLine &l : lines) {
        const QString time = fmt::timeOfDay(QDateTime::fromMSecsSinceEpoch(l.tsMs, Qt::UTC));
        QString who, meta, color = text;
        switch (l.kind) {
        case ChatTranscriptLine::Kind::User: who = tr("User"); break;
        case ChatTranscriptLine::Kind::Assistant:
            who = tr("Assistant");
            color = (l.success ? style.accent(0) : charts::ChartStyle::bad()).name();
            if (l.latencyMs)
                meta += tr("%1 ms").arg(*l.latencyMs);
            if (!l.intent.isEmpty())
                meta += QStringLiteral(" · ") + l.intent.toHtmlEscaped();
            if (!l.success)
                meta += QStringLiteral(" · ") + tr("failed");
            if (l.telemetryId)
                meta += QStringLiteral(" · <a href='decision:%1'>%2</a>")
                            .arg(*l.telemetryId)
                            .arg(tr("review decision #%1").arg(*l.telemetryId));
            break;
        case ChatTranscriptLine::Kind::Error:
            who = tr("Error");
            color = charts::ChartStyle::bad().name();
            break;
        case ChatTranscriptLine::Kind::Satisfaction:
            who = tr("Rating");
            // The chart amber is too light for text on white.
            color = (style.dark ? charts::ChartStyle::warning() : charts::ChartStyle::warning().darker(150)).name();
            break;
        }
        html += QStringLiteral("<p><span style='color:%1'>%2</span> <b style='color:%3'>%4</b>: %5%6</p>")
                    .arg(muted, time, color, who, l.text.toHtmlEscaped(),
                         meta.isEmpty() ? QString()
                                        : QStringLiteral("<br/><small style='color:%1'>%2</small>").arg(muted, meta));
    }
    if (lines.empty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No transcript kept for this conversation."));
    QScrollBar *bar = verticalScrollBar();
    const bool same = conversationId == m_conversationId;
    const bool atEnd = bar->value() >= bar->maximum();
    const int value = bar->value();
    m_conversationId = conversationId;
    if (&lines != &m_lines)
        m_lines = lines;
    setHtml(html);
    if (same)
        bar->setValue(atEnd ? bar->maximum() : value);
}

void ChatTranscriptView::clearLines()
{
    m_conversationId.clear();
    m_lines.clear();
    clear();
}

void ChatTranscriptView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    const bool restyle = event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange;
    if (restyle && !m_conversationId.isEmpty())
        showLines(m_conversationId, m_lines);
    if (event->type() == QEvent::LanguageChange)
        setPlaceholderText(tr("Select a conversation to read its transcript."));
}

}  // namespace atalaya

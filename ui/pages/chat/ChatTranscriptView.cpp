#include "pages/chat/ChatTranscriptView.h"

#include <QDateTime>
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
    const QLocale locale;
    QString html = QStringLiteral("<h3>%1</h3>").arg(conversationId.toHtmlEscaped());
    for (const ChatTranscriptLine &l : lines) {
        const QString time = locale.toString(QDateTime::fromMSecsSinceEpoch(l.tsMs).toLocalTime(), QStringLiteral("HH:mm:ss"));
        QString who, meta, color = QStringLiteral("#111827");
        switch (l.kind) {
        case ChatTranscriptLine::Kind::User: who = tr("User"); break;
        case ChatTranscriptLine::Kind::Assistant:
            who = tr("Assistant");
            color = l.success ? QStringLiteral("#1e3a8a") : QStringLiteral("#b91c1c");
            if (l.latencyMs)
                meta += tr("%1 ms").arg(*l.latencyMs);
            if (!l.intent.isEmpty())
                meta += QStringLiteral(" · ") + l.intent.toHtmlEscaped();
            if (!l.success)
                meta += QStringLiteral(" · ") + tr("failed");
            if (l.telemetryId)
                meta += QStringLiteral(" · <a href='decision:%1'>%2</a>").arg(*l.telemetryId).arg(tr("review decision #%1").arg(*l.telemetryId));
            break;
        case ChatTranscriptLine::Kind::Error: who = tr("Error"); color = QStringLiteral("#b91c1c"); break;
        case ChatTranscriptLine::Kind::Satisfaction: who = tr("Rating"); color = QStringLiteral("#a16207"); break;
        }
        html += QStringLiteral("<p><span style='color:#6b7280'>%1</span> <b style='color:%2'>%3</b>: %4%5</p>")
                    .arg(time, color, who, l.text.toHtmlEscaped(),
                         meta.isEmpty() ? QString() : QStringLiteral("<br/><small style='color:#6b7280'>%1</small>").arg(meta));
    }
    if (lines.empty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No transcript kept for this conversation."));
    QScrollBar *bar = verticalScrollBar();
    const bool same = conversationId == m_conversationId;
    const bool atEnd = bar->value() >= bar->maximum();
    const int value = bar->value();
    m_conversationId = conversationId;
    setHtml(html);
    if (same)
        bar->setValue(atEnd ? bar->maximum() : value);
}

} // namespace atalaya

#include "ui/chat/ChatStateLine.h"
#include "ui/common/Format.h"

#include "ui/common/ChartKit.h"
#include "ui/chat/ChatPage.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace atalaya {

QString chatStateText(const ChatSnapshot &s)
{
    switch (s.state) {
    case ChatFeedClient::State::Idle: return ChatPage::tr("Not connected");
    case ChatFeedClient::State::Connecting: return ChatPage::tr("Connecting…");
    case ChatFeedClient::State::Connected: return ChatPage::tr("Connected");
    case ChatFeedClient::State::WaitingToReconnect: return ChatPage::tr("Disconnected");
    case ChatFeedClient::State::Refused: return ChatPage::tr("Refused");
    }
    return {};
}

QString chatStateDot(const QColor &color)
{
    return QStringLiteral("<span style='color:%1'>●</span> ").arg(color.name());
}

QString chatStateLine(const ChatSnapshot &s)
{
    const QLocale locale;
    const bool up = s.state == ChatFeedClient::State::Connected;
    const QColor color = up                            ? charts::ChartStyle::good()
        : s.state == ChatFeedClient::State::Connecting ? charts::ChartStyle::warning()
                                                       : charts::ChartStyle::bad();
    QString text = chatStateDot(color) + QStringLiteral("<b>%1</b>").arg(chatStateText(s));
    if (!up && !s.detail.isEmpty())
        text += QStringLiteral(" — ") + s.detail.toHtmlEscaped();
    if (s.refusedByServer)
        text += ChatPage::tr(" — <b>Token…</b> stores the right one");
    if (s.lastEventTsMs) {
        text += ChatPage::tr(" · last event %1 (%2 s ago)")
                    .arg(fmt::timeOfDay(QDateTime::fromMSecsSinceEpoch(*s.lastEventTsMs, Qt::UTC)))
                    .arg(std::max<qint64>(0, (s.takenAtMs - *s.lastEventTsMs) / 1000));
    }
    if (up && s.totals.messages == 0)
        text += ChatPage::tr(" · no messages yet");
    text += ChatPage::tr(" · %1 events, %2 malformed, %3 ignored")
                .arg(locale.toString(s.totals.events), locale.toString(s.totals.malformed),
                     locale.toString(s.totals.ignored));
    return text;
}

}  // namespace atalaya

#pragma once

#include "core/chat/ChatMonitor.h"

#include <QColor>
#include <QString>

namespace atalaya {

// The chat page's connection line, from a snapshot: the state in words ("Connected"), and
// the rich-text line with its coloured dot, the last event and the event counters.
// Texts stay in the ChatPage translation context.
QString chatStateText(const ChatSnapshot &snapshot);
QString chatStateLine(const ChatSnapshot &snapshot);
// The coloured state dot before a connection text; the chart colours read on both themes.
QString chatStateDot(const QColor &color);

}  // namespace atalaya

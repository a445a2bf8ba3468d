#pragma once

#include "core/chat/ChatEvent.h"

#include <QByteArray>

namespace atalaya {

// Parses one text frame: a JSON object or an array of them (a batch). Every element is
// validated on its own, so one bad element of a batch does not drop its neighbours.
// Never throws, never asserts: the feed is untrusted input (and a fuzz target).
ChatParseResult parseChatFrame(const QByteArray &utf8);
void parseChatFrame(const QByteArray &utf8, ChatParseResult &into);

// "2026-11-21T10:00:00.120Z" (or with an offset) → UTC ms; nullopt when not ISO 8601.
std::optional<qint64> parseChatTimestamp(const QString &text);

}  // namespace atalaya

#pragma once

#include <QString>
#include <QtGlobal>

#include <array>
#include <optional>
#include <vector>

namespace atalaya {

// One validated event of the chat monitoring feed (docs/CHAT_PROTOCOL.md). Times are UTC
// milliseconds since the epoch: cheaper than QDateTime at tens of thousands per second.
struct ChatEvent {
    enum class Type { ConversationStarted, Message, Satisfaction, Error, ConversationCompleted, Heartbeat };

    Type type = Type::Heartbeat;
    qint64 tsMs = 0;
    QString conversationId;  // empty only for heartbeats and conversation-less errors

    // conversation.started
    QString userId;
    QString channel;
    // message
    QString messageId;
    bool assistant = false;  // role: user | assistant
    QString content;
    std::optional<qint64> latencyMs;
    QString intent;
    bool success = true;
    std::optional<qint64> telemetryId;
    // satisfaction
    int rating = 0;
    QString comment;
    // error (the error message goes to `content`)
    QString code;
    // conversation.completed
    bool resolved = false;
};

// The four ways a frame or batch element can be malformed (docs/CHAT_PROTOCOL.md §Bad input).
enum class MalformedKind { NotJson = 0, MissingField, WrongType, OutOfRange };
inline constexpr int kMalformedKinds = 4;
const char *malformedKindName(MalformedKind kind);

struct ChatParseResult {
    std::vector<ChatEvent> events;
    int ignored = 0;  // unknown types
    std::array<int, kMalformedKinds> malformed{};
    // The first problem of each kind in this frame, for the once-per-kind log line.
    std::array<QString, kMalformedKinds> sample{};

    int malformedTotal() const { return malformed[0] + malformed[1] + malformed[2] + malformed[3]; }
};

}  // namespace atalaya

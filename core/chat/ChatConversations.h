#pragma once

#include "core/chat/ChatEvent.h"

#include <QHash>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace atalaya {

struct ChatTranscriptLine {
    enum class Kind { User, Assistant, Error, Satisfaction };
    Kind kind = Kind::User;
    qint64 tsMs = 0;
    QString text;
    std::optional<qint64> latencyMs;
    QString intent;
    bool success = true;
    std::optional<qint64> telemetryId;
};

struct ChatConversationSummary {
    QString id;
    QString userId;
    QString channel;
    qint64 firstTsMs = 0;
    qint64 lastTsMs = 0;
    int messages = 0;
    int errors = 0;
    int rating = 0;  // 0 = none
    bool completed = false;
    bool resolved = false;
    QString lastIntent;
};

struct ChatMetricsLimits {
    int maxConversations = 10000;  // tracked for active_conversations and the list
    int maxTranscriptLines = 40;  // per conversation
    int maxTranscriptBudget = 20000;  // lines over all conversations
    int maxContentChars = 500;  // a transcript line is a preview, not an archive
    int maxIntents = 500;  // distinct intent names; more fold into "(other)"
};

// The conversations seen in the window with a short transcript each: what the chat page
// lists and shows. Bounded: conversations leave when their last event leaves the window,
// and beyond the caps the least recently active go first (their transcripts before them).
// Not thread-safe; ChatMetrics owns one and serialises access.
class ChatConversations {
public:
    explicit ChatConversations(ChatMetricsLimits limits) : m_limits(limits) { }

    void clear();
    // Applies a conversation event (not heartbeats, not conversation-less errors). `intent`
    // is the interned intent name of a message, empty otherwise.
    void apply(const ChatEvent &event, qint64 nowMs, const QString &intent);
    // Drops conversations whose last event arrived before `cutoffMs`.
    void evictBefore(qint64 cutoffMs);
    void enforceCaps();

    // Started (explicitly or implicitly), not completed, with an event since `cutoffMs`.
    int activeSince(qint64 cutoffMs) const;
    // The `limit` most recently active, newest first, plus `pinned` (when tracked and not
    // among them) at the end, so a conversation the user reads stays listed.
    std::vector<ChatConversationSummary> recent(int limit, const QString &pinned = {}) const;
    std::vector<ChatTranscriptLine> transcript(const QString &conversationId) const;
    qint64 size() const { return static_cast<qint64>(m_conversations.size()); }
    qint64 transcriptLines() const { return m_transcriptLines; }

private:
    struct Conversation {
        ChatConversationSummary summary;
        qint64 lastArrivalMs = 0;
        std::deque<ChatTranscriptLine> lines;
    };
    Conversation &touch(const ChatEvent &event, qint64 nowMs);
    void appendLine(Conversation &c, ChatTranscriptLine line);

    ChatMetricsLimits m_limits;
    QHash<QString, Conversation> m_conversations;
    qint64 m_transcriptLines = 0;
};

}  // namespace atalaya

#include "core/chat/ChatConversations.h"

#include <algorithm>

namespace atalaya {

namespace {

ChatTranscriptLine line(ChatTranscriptLine::Kind kind, qint64 tsMs, QString text)
{
    ChatTranscriptLine l;
    l.kind = kind;
    l.tsMs = tsMs;
    l.text = std::move(text);
    return l;
}

}  // namespace

void ChatConversations::clear()
{
    m_conversations.clear();
    m_transcriptLines = 0;
}

ChatConversations::Conversation &ChatConversations::touch(const ChatEvent &event, qint64 nowMs)
{
    auto it = m_conversations.find(event.conversationId);
    if (it == m_conversations.end()) {
        // Events for a conversation never started start it implicitly (docs/CHAT_PROTOCOL.md).
        it = m_conversations.insert(event.conversationId, Conversation{});
        it->summary.id = event.conversationId;
        it->summary.firstTsMs = event.tsMs;
        it->lastArrivalMs = nowMs;  // the newest: never the one the cap removes
        if (m_conversations.size() > m_limits.maxConversations + m_limits.maxConversations / 10)
            enforceCaps();
        it = m_conversations.find(event.conversationId);
    }
    it->lastArrivalMs = nowMs;
    it->summary.lastTsMs = std::max(it->summary.lastTsMs, event.tsMs);
    return *it;
}

void ChatConversations::appendLine(Conversation &c, ChatTranscriptLine line)
{
    if (line.text.size() > m_limits.maxContentChars)
        line.text = line.text.left(m_limits.maxContentChars - 1) + QChar(0x2026);
    c.lines.push_back(std::move(line));
    ++m_transcriptLines;
    if (static_cast<int>(c.lines.size()) > m_limits.maxTranscriptLines) {
        c.lines.pop_front();
        --m_transcriptLines;
    }
}

void ChatConversations::apply(const ChatEvent &event, qint64 nowMs, const QString &intent)
{
    Conversation &c = touch(event, nowMs);
    ChatConversationSummary &s = c.summary;
    switch (event.type) {
    case ChatEvent::Type::Heartbeat: break;
    case ChatEvent::Type::ConversationStarted:
        s.userId = event.userId.left(100);
        s.channel = event.channel.left(50);
        s.firstTsMs = event.tsMs;
        s.completed = false;
        s.resolved = false;
        break;
    case ChatEvent::Type::Message: {
        ++s.messages;
        ChatTranscriptLine l =
            line(event.assistant ? ChatTranscriptLine::Kind::Assistant : ChatTranscriptLine::Kind::User, event.tsMs,
                 event.content);
        if (event.assistant) {
            l.latencyMs = event.latencyMs;
            l.success = event.success;
            l.telemetryId = event.telemetryId;
        }
        if (!intent.isEmpty()) {
            s.lastIntent = intent;
            l.intent = intent;
        }
        appendLine(c, std::move(l));
        break;
    }
    case ChatEvent::Type::Satisfaction:
        s.rating = event.rating;
        appendLine(c,
                   line(ChatTranscriptLine::Kind::Satisfaction, event.tsMs,
                        event.comment.isEmpty() ? QString::number(event.rating)
                                                : QStringLiteral("%1 — %2").arg(event.rating).arg(event.comment)));
        break;
    case ChatEvent::Type::Error:
        ++s.errors;
        appendLine(c,
                   line(ChatTranscriptLine::Kind::Error, event.tsMs,
                        event.content.isEmpty() ? event.code : event.code + QStringLiteral(": ") + event.content));
        break;
    case ChatEvent::Type::ConversationCompleted:
        s.completed = true;
        s.resolved = event.resolved;
        break;
    }
}

void ChatConversations::evictBefore(qint64 cutoffMs)
{
    for (auto it = m_conversations.begin(); it != m_conversations.end();) {
        if (it->lastArrivalMs < cutoffMs) {
            m_transcriptLines -= static_cast<qint64>(it->lines.size());
            it = m_conversations.erase(it);
        } else {
            ++it;
        }
    }
}

void ChatConversations::enforceCaps()
{
    const auto maxConversations = static_cast<qsizetype>(m_limits.maxConversations);
    if (m_conversations.size() <= maxConversations && m_transcriptLines <= m_limits.maxTranscriptBudget)
        return;
    std::vector<std::pair<qint64, QString>> byAge;
    byAge.reserve(m_conversations.size());
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it)
        byAge.emplace_back(it->lastArrivalMs, it.key());
    std::sort(byAge.begin(), byAge.end());
    // Trim to 90% so the sort is paid once per many arrivals, not on each one.
    const qsizetype keepConversations = maxConversations - maxConversations / 10;
    const qint64 keepLines = m_limits.maxTranscriptBudget - m_limits.maxTranscriptBudget / 10;
    for (const auto &[age, id] : byAge) {
        const bool tooMany = m_conversations.size() > keepConversations;
        if (!tooMany && m_transcriptLines <= keepLines)
            break;
        auto it = m_conversations.find(id);
        m_transcriptLines -= static_cast<qint64>(it->lines.size());
        if (tooMany)
            m_conversations.erase(it);
        else
            it->lines.clear();
    }
}

int ChatConversations::activeSince(qint64 cutoffMs) const
{
    int active = 0;
    for (const Conversation &c : m_conversations) {
        if (!c.summary.completed && c.lastArrivalMs >= cutoffMs)
            ++active;
    }
    return active;
}

std::vector<ChatConversationSummary> ChatConversations::recent(int limit, const QString &pinned) const
{
    std::vector<std::pair<qint64, const Conversation *>> all;
    all.reserve(m_conversations.size());
    for (const Conversation &c : m_conversations)
        all.emplace_back(c.lastArrivalMs, &c);
    const auto n = std::min<size_t>(all.size(), std::max(0, limit));
    std::partial_sort(all.begin(), all.begin() + n, all.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second->summary.id < b.second->summary.id;
    });
    std::vector<ChatConversationSummary> out;
    out.reserve(n + 1);
    bool pinnedListed = pinned.isEmpty();
    for (size_t i = 0; i < n; ++i) {
        out.push_back(all[i].second->summary);
        pinnedListed = pinnedListed || out.back().id == pinned;
    }
    if (!pinnedListed) {
        if (auto it = m_conversations.constFind(pinned); it != m_conversations.cend())
            out.push_back(it->summary);
    }
    return out;
}

std::vector<ChatTranscriptLine> ChatConversations::transcript(const QString &conversationId) const
{
    auto it = m_conversations.constFind(conversationId);
    if (it == m_conversations.cend())
        return {};
    return {it->lines.begin(), it->lines.end()};
}

}  // namespace atalaya

#pragma once

#include "core/chat/ChatConversations.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <deque>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace atalaya {

struct ChatTotals {
    qint64 events = 0;
    qint64 conversationsStarted = 0;  // conversation.started events
    qint64 conversationsCompleted = 0;  // conversation.completed events
    qint64 messages = 0;
    qint64 userMessages = 0;
    qint64 assistantMessages = 0;
    qint64 errors = 0;
    qint64 malformed = 0;
    qint64 ignored = 0;  // unknown types and binary frames
};

struct ChatWindowMetrics {
    int windowSeconds = 300;
    int activeConversations = 0;
    qint64 messages = 0;
    double messagesPerMinute = 0.0;
    std::optional<double> latencyAvgMs;
    std::optional<qint64> latencyP95Ms;
    std::optional<double> successRate;
    qint64 satisfactionCount = 0;
    std::optional<double> satisfactionAvg;
    std::optional<double> resolutionRate;
    qint64 errors = 0;  // shown in the panel; not part of the CLI JSON shape
    std::vector<std::pair<QString, qint64>> topIntents;
};

// One second of the window, for the live charts.
struct ChatSecondPoint {
    qint64 second = 0;  // arrival time, seconds since the epoch
    int messages = 0;
    int latencyCount = 0;
    qint64 latencySumMs = 0;
};

// Totals since connect and the rolling window of docs/CHAT_PROTOCOL.md §Metrics.
// The window is measured on Atalaya's clock at arrival (the `nowMs` given to add()), so a
// chat server with a skewed clock can neither empty nor pin the window; `ts` is kept for
// the transcript and the last-event time. Memory is bounded: per-second buckets evicted by
// time, latencies run-length encoded per second, capped conversations (ChatConversations).
// messages_per_minute divides the window's messages by the minutes it covers: the time
// since the first event, at least one minute and at most the window, so a monitor that has
// just connected neither reports a fifth of the real rate nor extrapolates a few seconds.
// Not thread-safe; the owner serialises access.
class ChatMetrics {
public:
    explicit ChatMetrics(int windowSeconds = 300, ChatMetricsLimits limits = {});

    int windowSeconds() const { return m_windowSeconds; }
    void reset();  // a new connection: totals are "since connect"

    void add(const ChatEvent &event, qint64 nowMs);
    void addMalformed(qint64 count) { m_totals.malformed += count; }
    void addIgnored(qint64 count) { m_totals.ignored += count; }

    const ChatTotals &totals() const { return m_totals; }
    std::optional<qint64> lastEventTsMs() const { return m_lastEventTsMs; }
    std::optional<qint64> lastArrivalMs() const { return m_lastArrivalMs; }

    // Evicts what left the window at `nowMs`, then computes it.
    ChatWindowMetrics window(qint64 nowMs, int topIntents = 5);
    std::vector<ChatSecondPoint> series(qint64 nowMs);
    // See ChatConversations::recent().
    std::vector<ChatConversationSummary> recentConversations(int limit, const QString &pinned = {}) const
    {
        return m_conversations.recent(limit, pinned);
    }
    std::vector<ChatTranscriptLine> transcript(const QString &conversationId) const
    {
        return m_conversations.transcript(conversationId);
    }
    qint64 trackedConversations() const { return m_conversations.size(); }
    qint64 transcriptLines() const { return m_conversations.transcriptLines(); }

private:
    struct Bucket {
        qint64 second = 0;
        int messages = 0;
        int assistant = 0;
        int successes = 0;
        int latencyCount = 0;
        qint64 latencySum = 0;
        int ratings = 0;
        int ratingSum = 0;
        int completed = 0;
        int resolved = 0;
        int errors = 0;
        std::vector<std::pair<qint64, int>> latencies;  // (ms, count), sorted once the second closes
        std::vector<std::pair<int, int>> intents;  // (intent index, count)
    };
    Bucket &bucketFor(qint64 nowMs);
    void closeBucket(Bucket &bucket);
    void evict(qint64 nowMs);
    void addAssistant(Bucket &b, const ChatEvent &event);
    const QString &countIntent(Bucket &b, const QString &intent);  // the interned name
    int internIntent(const QString &intent);
    void addLatency(qint64 ms, int delta);

    int m_windowSeconds;
    ChatMetricsLimits m_limits;
    ChatTotals m_totals;
    std::optional<qint64> m_lastEventTsMs;
    std::optional<qint64> m_lastArrivalMs;
    std::optional<qint64> m_firstArrivalMs;
    qint64 m_clockMs = 0;  // never goes backwards

    std::deque<Bucket> m_buckets;
    // Window aggregates, kept in step with m_buckets.
    Bucket m_sum;
    std::vector<quint32> m_latencyCounts;  // index = ms, exact, for ms < kDenseLatency
    std::map<qint64, quint32> m_latencyTail;  // rare long latencies
    std::vector<qint64> m_intentCounts;
    std::vector<QString> m_intentNames;
    QHash<QString, int> m_intentIndex;

    ChatConversations m_conversations;
};

QJsonObject chatMetricsJson(bool connected, const ChatTotals &totals, const ChatWindowMetrics &window);

}  // namespace atalaya

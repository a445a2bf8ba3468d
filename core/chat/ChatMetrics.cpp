#include "chat/ChatMetrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace atalaya {

namespace {

constexpr qint64 kDenseLatency = 65536;
const QString kOtherIntent = QStringLiteral("(other)");

qint64 secondOf(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

ChatTranscriptLine line(ChatTranscriptLine::Kind kind, qint64 tsMs, QString text)
{
    ChatTranscriptLine l;
    l.kind = kind;
    l.tsMs = tsMs;
    l.text = std::move(text);
    return l;
}

} // namespace

ChatMetrics::ChatMetrics(int windowSeconds, ChatMetricsLimits limits)
    : m_windowSeconds(std::max(1, windowSeconds)), m_limits(limits)
{
    reset();
}

void ChatMetrics::reset()
{
    m_totals = {};
    m_lastEventTsMs.reset();
    m_lastArrivalMs.reset();
    m_firstArrivalMs.reset();
    m_buckets.clear();
    m_sum = {};
    m_latencyCounts.assign(kDenseLatency, 0);
    m_latencyTail.clear();
    m_intentCounts.clear();
    m_intentNames.clear();
    m_intentIndex.clear();
    m_conversations.clear();
    m_transcriptLines = 0;
}

void ChatMetrics::addLatency(qint64 ms, int delta)
{
    if (ms < kDenseLatency) {
        m_latencyCounts[ms] += delta;
        return;
    }
    auto it = m_latencyTail.try_emplace(ms, 0).first;
    it->second += delta;
    if (it->second == 0)
        m_latencyTail.erase(it);
}

ChatMetrics::Bucket &ChatMetrics::bucketFor(qint64 nowMs)
{
    const qint64 second = secondOf(nowMs);
    if (m_buckets.empty() || m_buckets.back().second != second) {
        if (!m_buckets.empty())
            closeBucket(m_buckets.back());
        evict(nowMs);
        enforceCaps();
        Bucket b;
        b.second = second;
        m_buckets.push_back(std::move(b));
    }
    return m_buckets.back();
}

void ChatMetrics::closeBucket(Bucket &bucket)
{
    // Run-length encode: at high rates a second holds many equal millisecond values.
    auto &l = bucket.latencies;
    std::sort(l.begin(), l.end());
    std::vector<std::pair<qint64, int>> rle;
    for (const auto &[ms, count] : l) {
        if (!rle.empty() && rle.back().first == ms)
            rle.back().second += count;
        else
            rle.emplace_back(ms, count);
    }
    rle.shrink_to_fit();
    l = std::move(rle);
}

void ChatMetrics::evict(qint64 nowMs)
{
    const qint64 oldestKept = secondOf(nowMs) - m_windowSeconds + 1;
    while (!m_buckets.empty() && m_buckets.front().second < oldestKept) {
        const Bucket &b = m_buckets.front();
        m_sum.messages -= b.messages;
        m_sum.assistant -= b.assistant;
        m_sum.successes -= b.successes;
        m_sum.latencyCount -= b.latencyCount;
        m_sum.latencySum -= b.latencySum;
        m_sum.ratings -= b.ratings;
        m_sum.ratingSum -= b.ratingSum;
        m_sum.completed -= b.completed;
        m_sum.resolved -= b.resolved;
        m_sum.errors -= b.errors;
        for (const auto &[ms, count] : b.latencies)
            addLatency(ms, -count);
        for (const auto &[index, count] : b.intents)
            m_intentCounts[index] -= count;
        m_buckets.pop_front();
    }
    const qint64 cutoffMs = oldestKept * 1000;
    for (auto it = m_conversations.begin(); it != m_conversations.end();) {
        if (it->lastArrivalMs < cutoffMs) {
            m_transcriptLines -= static_cast<qint64>(it->lines.size());
            it = m_conversations.erase(it);
        } else {
            ++it;
        }
    }
}

void ChatMetrics::enforceCaps()
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

int ChatMetrics::internIntent(const QString &intent)
{
    auto it = m_intentIndex.constFind(intent);
    if (it != m_intentIndex.cend())
        return *it;
    const bool full = static_cast<int>(m_intentNames.size()) >= m_limits.maxIntents;
    const QString name = full ? kOtherIntent : intent.left(100);
    if (full) {
        auto other = m_intentIndex.constFind(kOtherIntent);
        if (other != m_intentIndex.cend())
            return *other;
    }
    const int index = static_cast<int>(m_intentNames.size());
    m_intentNames.push_back(name);
    m_intentCounts.push_back(0);
    m_intentIndex.insert(name, index);
    return index;
}

ChatMetrics::Conversation &ChatMetrics::conversation(const QString &id, const ChatEvent &event, qint64 nowMs)
{
    auto it = m_conversations.find(id);
    if (it == m_conversations.end()) {
        // Events for a conversation never started start it implicitly (CHAT_PROTOCOL.md).
        it = m_conversations.insert(id, Conversation{});
        it->summary.id = id;
        it->summary.firstTsMs = event.tsMs;
        it->lastArrivalMs = nowMs;  // the newest: never the one the cap removes
        if (m_conversations.size() > m_limits.maxConversations + m_limits.maxConversations / 10)
            enforceCaps();
        it = m_conversations.find(id);
    }
    it->lastArrivalMs = nowMs;
    it->summary.lastTsMs = std::max(it->summary.lastTsMs, event.tsMs);
    return *it;
}

void ChatMetrics::appendLine(Conversation &c, ChatTranscriptLine line)
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

void ChatMetrics::add(const ChatEvent &event, qint64 nowMs)
{
    nowMs = std::max(nowMs, m_clockMs);
    m_clockMs = nowMs;
    ++m_totals.events;
    m_lastEventTsMs = event.tsMs;
    m_lastArrivalMs = nowMs;
    if (!m_firstArrivalMs)
        m_firstArrivalMs = nowMs;
    Bucket &b = bucketFor(nowMs);
    if (event.type == ChatEvent::Type::Heartbeat)
        return;
    if (event.type == ChatEvent::Type::Error) {
        ++m_totals.errors;
        ++b.errors;
        ++m_sum.errors;
        if (event.conversationId.isEmpty())
            return;
    }
    Conversation &c = conversation(event.conversationId, event, nowMs);
    switch (event.type) {
    case ChatEvent::Type::Heartbeat:
        break;
    case ChatEvent::Type::ConversationStarted:
        ++m_totals.conversationsStarted;
        c.summary.userId = event.userId.left(100);
        c.summary.channel = event.channel.left(50);
        c.summary.firstTsMs = event.tsMs;
        c.summary.completed = false;
        c.summary.resolved = false;
        break;
    case ChatEvent::Type::Message: {
        ++m_totals.messages;
        ++b.messages;
        ++m_sum.messages;
        ++c.summary.messages;
        ChatTranscriptLine line;
        line.kind = event.assistant ? ChatTranscriptLine::Kind::Assistant : ChatTranscriptLine::Kind::User;
        line.tsMs = event.tsMs;
        line.text = event.content;
        if (event.assistant) {
            ++m_totals.assistantMessages;
            ++b.assistant;
            ++m_sum.assistant;
            if (event.success) {
                ++b.successes;
                ++m_sum.successes;
            }
            if (event.latencyMs) {
                ++b.latencyCount;
                ++m_sum.latencyCount;
                b.latencySum += *event.latencyMs;
                m_sum.latencySum += *event.latencyMs;
                b.latencies.emplace_back(*event.latencyMs, 1);
                addLatency(*event.latencyMs, 1);
            }
            line.latencyMs = event.latencyMs;
            line.success = event.success;
            line.telemetryId = event.telemetryId;
        } else {
            ++m_totals.userMessages;
        }
        if (!event.intent.isEmpty()) {
            const int index = internIntent(event.intent);
            ++m_intentCounts[index];
            auto it = std::find_if(b.intents.begin(), b.intents.end(), [index](const auto &p) { return p.first == index; });
            if (it == b.intents.end())
                b.intents.emplace_back(index, 1);
            else
                ++it->second;
            c.summary.lastIntent = m_intentNames[index];
            line.intent = m_intentNames[index];
        }
        appendLine(c, std::move(line));
        break;
    }
    case ChatEvent::Type::Satisfaction:
        ++b.ratings;
        ++m_sum.ratings;
        b.ratingSum += event.rating;
        m_sum.ratingSum += event.rating;
        c.summary.rating = event.rating;
        appendLine(c, line(ChatTranscriptLine::Kind::Satisfaction, event.tsMs,
                           event.comment.isEmpty() ? QString::number(event.rating)
                                                   : QStringLiteral("%1 — %2").arg(event.rating).arg(event.comment)));
        break;
    case ChatEvent::Type::Error:
        ++c.summary.errors;
        appendLine(c, line(ChatTranscriptLine::Kind::Error, event.tsMs,
                           event.content.isEmpty() ? event.code : event.code + QStringLiteral(": ") + event.content));
        break;
    case ChatEvent::Type::ConversationCompleted:
        ++m_totals.conversationsCompleted;
        ++b.completed;
        ++m_sum.completed;
        if (event.resolved) {
            ++b.resolved;
            ++m_sum.resolved;
        }
        c.summary.completed = true;
        c.summary.resolved = event.resolved;
        break;
    }
}

ChatWindowMetrics ChatMetrics::window(qint64 nowMs, int topIntents)
{
    nowMs = std::max(nowMs, m_clockMs);
    m_clockMs = nowMs;
    evict(nowMs);
    ChatWindowMetrics w;
    w.windowSeconds = m_windowSeconds;
    const qint64 cutoffMs = (secondOf(nowMs) - m_windowSeconds + 1) * 1000;
    for (const Conversation &c : std::as_const(m_conversations)) {
        if (!c.summary.completed && c.lastArrivalMs >= cutoffMs)
            ++w.activeConversations;
    }
    w.messages = m_sum.messages;
    const double elapsedMs = double(nowMs - m_firstArrivalMs.value_or(nowMs));
    const double coveredMs = std::min(std::max(elapsedMs, 60000.0), m_windowSeconds * 1000.0);
    w.messagesPerMinute = double(m_sum.messages) / (coveredMs / 60000.0);
    if (m_sum.latencyCount > 0) {
        w.latencyAvgMs = double(m_sum.latencySum) / m_sum.latencyCount;
        // Nearest rank: the value at rank ceil(0.95 · N) of the sorted window.
        const qint64 rank = static_cast<qint64>(std::ceil(0.95 * m_sum.latencyCount));
        qint64 seen = 0;
        for (qint64 ms = 0; ms < kDenseLatency && !w.latencyP95Ms; ++ms) {
            seen += m_latencyCounts[ms];
            if (seen >= rank)
                w.latencyP95Ms = ms;
        }
        for (auto it = m_latencyTail.cbegin(); it != m_latencyTail.cend() && !w.latencyP95Ms; ++it) {
            seen += it->second;
            if (seen >= rank)
                w.latencyP95Ms = it->first;
        }
    }
    if (m_sum.assistant > 0)
        w.successRate = double(m_sum.successes) / m_sum.assistant;
    w.satisfactionCount = m_sum.ratings;
    if (m_sum.ratings > 0)
        w.satisfactionAvg = double(m_sum.ratingSum) / m_sum.ratings;
    if (m_sum.completed > 0)
        w.resolutionRate = double(m_sum.resolved) / m_sum.completed;
    w.errors = m_sum.errors;
    std::vector<std::pair<QString, qint64>> intents;
    for (size_t i = 0; i < m_intentNames.size(); ++i) {
        if (m_intentCounts[i] > 0)
            intents.emplace_back(m_intentNames[i], m_intentCounts[i]);
    }
    std::sort(intents.begin(), intents.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (static_cast<int>(intents.size()) > topIntents)
        intents.resize(topIntents);
    w.topIntents = std::move(intents);
    return w;
}

std::vector<ChatSecondPoint> ChatMetrics::series(qint64 nowMs)
{
    evict(std::max(nowMs, m_clockMs));
    std::vector<ChatSecondPoint> out;
    out.reserve(m_buckets.size());
    for (const Bucket &b : m_buckets)
        out.push_back({b.second, b.messages, b.latencyCount, b.latencySum});
    return out;
}

std::vector<ChatConversationSummary> ChatMetrics::recentConversations(int limit) const
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
    out.reserve(n);
    for (size_t i = 0; i < n; ++i)
        out.push_back(all[i].second->summary);
    return out;
}

std::vector<ChatTranscriptLine> ChatMetrics::transcript(const QString &conversationId) const
{
    auto it = m_conversations.constFind(conversationId);
    if (it == m_conversations.cend())
        return {};
    return {it->lines.begin(), it->lines.end()};
}

QJsonObject chatMetricsJson(bool connected, const ChatTotals &t, const ChatWindowMetrics &w)
{
    auto opt = [](const auto &v) { return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null); };
    QJsonArray intents;
    for (const auto &[name, count] : w.topIntents)
        intents.append(QJsonObject{{QStringLiteral("intent"), name}, {QStringLiteral("count"), count}});
    return {
        {QStringLiteral("connected"), connected},
        {QStringLiteral("window_seconds"), w.windowSeconds},
        {QStringLiteral("totals"), QJsonObject{
            {QStringLiteral("events"), t.events},
            {QStringLiteral("conversations_started"), t.conversationsStarted},
            {QStringLiteral("conversations_completed"), t.conversationsCompleted},
            {QStringLiteral("messages"), t.messages},
            {QStringLiteral("user_messages"), t.userMessages},
            {QStringLiteral("assistant_messages"), t.assistantMessages},
            {QStringLiteral("errors"), t.errors},
            {QStringLiteral("malformed"), t.malformed},
            {QStringLiteral("ignored"), t.ignored}}},
        {QStringLiteral("window"), QJsonObject{
            {QStringLiteral("active_conversations"), w.activeConversations},
            {QStringLiteral("messages_per_minute"), w.messagesPerMinute},
            {QStringLiteral("assistant_latency_ms"), QJsonObject{{QStringLiteral("avg"), opt(w.latencyAvgMs)},
                                                                 {QStringLiteral("p95"), opt(w.latencyP95Ms)}}},
            {QStringLiteral("success_rate"), opt(w.successRate)},
            {QStringLiteral("satisfaction"), QJsonObject{{QStringLiteral("count"), w.satisfactionCount},
                                                         {QStringLiteral("avg"), opt(w.satisfactionAvg)}}},
            {QStringLiteral("resolution_rate"), opt(w.resolutionRate)},
            {QStringLiteral("top_intents"), intents}}},
    };
}

} // namespace atalaya

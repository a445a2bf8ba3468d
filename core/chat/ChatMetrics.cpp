#include "core/chat/ChatMetrics.h"

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

}  // namespace

ChatMetrics::ChatMetrics(int windowSeconds, ChatMetricsLimits limits)
    : m_windowSeconds(std::max(1, windowSeconds)), m_limits(limits), m_conversations(limits)
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
        m_conversations.enforceCaps();
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
    m_conversations.evictBefore(oldestKept * 1000);
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
    QString intent;
    switch (event.type) {
    case ChatEvent::Type::Heartbeat: return;
    case ChatEvent::Type::ConversationStarted: ++m_totals.conversationsStarted; break;
    case ChatEvent::Type::Message:
        ++m_totals.messages;
        ++b.messages;
        ++m_sum.messages;
        if (event.assistant)
            addAssistant(b, event);
        else
            ++m_totals.userMessages;
        if (!event.intent.isEmpty())
            intent = countIntent(b, event.intent);
        break;
    case ChatEvent::Type::Satisfaction:
        ++b.ratings;
        ++m_sum.ratings;
        b.ratingSum += event.rating;
        m_sum.ratingSum += event.rating;
        break;
    case ChatEvent::Type::Error:
        ++m_totals.errors;
        ++b.errors;
        ++m_sum.errors;
        if (event.conversationId.isEmpty())
            return;
        break;
    case ChatEvent::Type::ConversationCompleted:
        ++m_totals.conversationsCompleted;
        ++b.completed;
        ++m_sum.completed;
        if (event.resolved) {
            ++b.resolved;
            ++m_sum.resolved;
        }
        break;
    }
    m_conversations.apply(event, nowMs, intent);
}

void ChatMetrics::addAssistant(Bucket &b, const ChatEvent &event)
{
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
}

const QString &ChatMetrics::countIntent(Bucket &b, const QString &intent)
{
    const int index = internIntent(intent);
    ++m_intentCounts[index];
    auto it = std::find_if(b.intents.begin(), b.intents.end(), [index](const auto &p) { return p.first == index; });
    if (it == b.intents.end())
        b.intents.emplace_back(index, 1);
    else
        ++it->second;
    return m_intentNames[index];
}

ChatWindowMetrics ChatMetrics::window(qint64 nowMs, int topIntents)
{
    nowMs = std::max(nowMs, m_clockMs);
    m_clockMs = nowMs;
    evict(nowMs);
    ChatWindowMetrics w;
    w.windowSeconds = m_windowSeconds;
    w.activeConversations = m_conversations.activeSince((secondOf(nowMs) - m_windowSeconds + 1) * 1000);
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

QJsonObject chatMetricsJson(bool connected, const ChatTotals &t, const ChatWindowMetrics &w)
{
    auto opt = [](const auto &v) { return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null); };
    QJsonArray intents;
    for (const auto &[name, count] : w.topIntents)
        intents.append(QJsonObject{{QStringLiteral("intent"), name}, {QStringLiteral("count"), count}});
    return {
        {QStringLiteral("connected"), connected},
        {QStringLiteral("window_seconds"), w.windowSeconds},
        {QStringLiteral("totals"),
         QJsonObject{{QStringLiteral("events"), t.events},
                     {QStringLiteral("conversations_started"), t.conversationsStarted},
                     {QStringLiteral("conversations_completed"), t.conversationsCompleted},
                     {QStringLiteral("messages"), t.messages},
                     {QStringLiteral("user_messages"), t.userMessages},
                     {QStringLiteral("assistant_messages"), t.assistantMessages},
                     {QStringLiteral("errors"), t.errors},
                     {QStringLiteral("malformed"), t.malformed},
                     {QStringLiteral("ignored"), t.ignored}}},
        {QStringLiteral("window"),
         QJsonObject{
             {QStringLiteral("active_conversations"), w.activeConversations},
             {QStringLiteral("messages_per_minute"), w.messagesPerMinute},
             {QStringLiteral("assistant_latency_ms"),
              QJsonObject{{QStringLiteral("avg"), opt(w.latencyAvgMs)}, {QStringLiteral("p95"), opt(w.latencyP95Ms)}}},
             {QStringLiteral("success_rate"), opt(w.successRate)},
             {QStringLiteral("satisfaction"),
              QJsonObject{{QStringLiteral("count"), w.satisfactionCount},
                          {QStringLiteral("avg"), opt(w.satisfactionAvg)}}},
             {QStringLiteral("resolution_rate"), opt(w.resolutionRate)},
             {QStringLiteral("top_intents"), intents}}},
    };
}

}  // namespace atalaya

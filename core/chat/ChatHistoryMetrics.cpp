#include "core/chat/ChatHistoryMetrics.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <map>

namespace atalaya {
namespace {

QDate dayFromNumber(qint64 n)
{
    return QDate(1970, 1, 1).addDays(n);
}

// Totals, latency, success and the per-day series of chat_messages.
Status readMessages(const Database &db, const QVariantList &period, ChatHistoryMetrics &m,
                    std::map<qint64, ChatHistoryDay> &days)
{
    const QString day = db.dialect().dayNumberOf(QStringLiteral("created_at"));
    auto q = execQuery(db,
                       QStringLiteral("SELECT %1, COUNT(*), SUM(CASE WHEN role = 'assistant' THEN 1 ELSE 0 END),"
                                      " SUM(CASE WHEN role = 'assistant' THEN latency_ms END),"
                                      " COUNT(CASE WHEN role = 'assistant' THEN latency_ms END),"
                                      " SUM(CASE WHEN role = 'assistant' AND success <> 0 THEN 1 ELSE 0 END),"
                                      " COUNT(CASE WHEN role = 'assistant' THEN success END)"
                                      " FROM chat_messages WHERE created_at >= ? AND created_at < ? GROUP BY %1")
                           .arg(day),
                       period, QStringLiteral("reading the chat history metrics"));
    if (!q)
        return q.error();
    double latencySum = 0;
    qint64 latencyCount = 0;
    qint64 successes = 0;
    qint64 flagged = 0;
    while (q->next()) {
        const qint64 n = q->value(0).toLongLong();
        ChatHistoryDay &d = days[n];
        d.day = dayFromNumber(n);
        d.messages = q->value(1).toLongLong();
        const qint64 dayLatencies = q->value(4).toLongLong();
        const qint64 dayFlagged = q->value(6).toLongLong();
        if (dayLatencies > 0)
            d.latencyAvgMs = q->value(3).toDouble() / double(dayLatencies);
        if (dayFlagged > 0)
            d.successRate = q->value(5).toDouble() / double(dayFlagged);
        m.messages += d.messages;
        m.assistantMessages += q->value(2).toLongLong();
        latencySum += q->value(3).toDouble();
        latencyCount += dayLatencies;
        successes += q->value(5).toLongLong();
        flagged += dayFlagged;
    }
    if (latencyCount > 0)
        m.latencyAvgMs = latencySum / double(latencyCount);
    if (flagged > 0)
        m.successRate = double(successes) / double(flagged);
    if (latencyCount == 0)
        return {};
    // Nearest-rank P95 read with one ordered row, not every latency of the period.
    const qint64 rank = (latencyCount * 95 + 99) / 100;
    auto p95 = execQuery(db,
                         QStringLiteral("SELECT latency_ms FROM chat_messages WHERE created_at >= ? AND created_at < ?"
                                        " AND role = 'assistant' AND latency_ms IS NOT NULL"
                                        " ORDER BY latency_ms LIMIT 1 OFFSET %1")
                             .arg(rank - 1),
                         period, QStringLiteral("reading the chat latency P95"));
    if (!p95)
        return p95.error();
    if (p95->next())
        m.latencyP95Ms = p95->value(0).toLongLong();
    return {};
}

Status readConversations(const Database &db, const QVariantList &period, ChatHistoryMetrics &m,
                         std::map<qint64, ChatHistoryDay> &days)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT %1, COUNT(*) FROM chat_conversations"
                                      " WHERE started_at >= ? AND started_at < ? GROUP BY %1")
                           .arg(db.dialect().dayNumberOf(QStringLiteral("started_at"))),
                       period, QStringLiteral("reading the chat conversations per day"));
    if (!q)
        return q.error();
    while (q->next()) {
        const qint64 n = q->value(0).toLongLong();
        ChatHistoryDay &d = days[n];
        d.day = dayFromNumber(n);
        d.conversations = q->value(1).toLongLong();
        m.conversations += d.conversations;
    }
    auto resolved = execQuery(db,
                              QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN resolved <> 0 THEN 1 ELSE 0 END)"
                                             " FROM chat_conversations WHERE ended_at >= ? AND ended_at < ?"),
                              period, QStringLiteral("reading the chat resolution rate"));
    if (!resolved)
        return resolved.error();
    if (resolved->next() && resolved->value(0).toLongLong() > 0)
        m.resolutionRate = resolved->value(1).toDouble() / resolved->value(0).toDouble();
    return {};
}

Status readRatings(const Database &db, const QVariantList &period, ChatHistoryMetrics &m,
                   std::map<qint64, ChatHistoryDay> &days)
{
    if (!tableNames(db).contains(QStringLiteral("user_satisfaction")))
        return {};
    auto q = execQuery(db,
                       QStringLiteral("SELECT %1, COUNT(*), SUM(rating) FROM user_satisfaction"
                                      " WHERE created_at >= ? AND created_at < ? GROUP BY %1")
                           .arg(db.dialect().dayNumberOf(QStringLiteral("created_at"))),
                       period, QStringLiteral("reading the chat ratings"));
    if (!q)
        return q.error();
    double sum = 0;
    while (q->next()) {
        const qint64 n = q->value(0).toLongLong();
        ChatHistoryDay &d = days[n];
        d.day = dayFromNumber(n);
        const qint64 count = q->value(1).toLongLong();
        if (count > 0)
            d.satisfactionAvg = q->value(2).toDouble() / double(count);
        m.satisfactionCount += count;
        sum += q->value(2).toDouble();
    }
    if (m.satisfactionCount > 0)
        m.satisfactionAvg = sum / double(m.satisfactionCount);
    return {};
}

Status readIntents(const Database &db, const QVariantList &period, int limit, ChatHistoryMetrics &m)
{
    if (limit <= 0)
        return {};
    auto q = execQuery(db,
                       QStringLiteral("SELECT intent, COUNT(*) AS n FROM chat_messages WHERE created_at >= ?"
                                      " AND created_at < ? AND role = 'assistant' AND intent IS NOT NULL"
                                      " GROUP BY intent ORDER BY n DESC, intent LIMIT %1")
                           .arg(limit),
                       period, QStringLiteral("reading the chat intents"));
    if (!q)
        return q.error();
    while (q->next())
        m.topIntents.emplace_back(q->value(0).toString(), q->value(1).toLongLong());
    return {};
}

}  // namespace

Result<ChatHistoryMetrics> loadChatHistoryMetrics(const Database &db, const QDateTime &from, const QDateTime &to,
                                                  int topIntents)
{
    const QVariantList period{toDbDateTime(from), toDbDateTime(to)};
    ChatHistoryMetrics m;
    std::map<qint64, ChatHistoryDay> days;
    if (Status s = readMessages(db, period, m, days); !s)
        return s.error();
    if (Status s = readConversations(db, period, m, days); !s)
        return s.error();
    if (Status s = readRatings(db, period, m, days); !s)
        return s.error();
    if (Status s = readIntents(db, period, topIntents, m); !s)
        return s.error();
    for (auto &[n, d] : days)
        m.days.push_back(std::move(d));
    return m;
}

}  // namespace atalaya

#include "core/chat/ChatHistory.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {

bool chatTablesExist(const Database &db)
{
    const QStringList tables = tableNames(db);
    return tables.contains(QStringLiteral("chat_conversations")) && tables.contains(QStringLiteral("chat_messages"));
}

Result<std::vector<ChatConversationSummary>> loadChatHistory(const Database &db, int limit)
{
    const bool ratings = tableNames(db).contains(QStringLiteral("user_satisfaction"));
    const QString sql =
        QStringLiteral("SELECT c.conversation_id, c.user_id, c.channel, c.started_at, c.ended_at, c.resolved,"
                       " (SELECT COUNT(*) FROM chat_messages m WHERE m.conversation_id = c.conversation_id),"
                       " (SELECT MAX(m.created_at) FROM chat_messages m WHERE m.conversation_id = c.conversation_id),"
                       " (SELECT MAX(m.intent) FROM chat_messages m WHERE m.conversation_id = c.conversation_id AND "
                       "m.role = 'assistant'),"
                       " %1"
                       " FROM chat_conversations c ORDER BY c.started_at DESC, c.id DESC LIMIT %2")
            .arg(ratings ? QStringLiteral(
                     "(SELECT MAX(s.rating) FROM user_satisfaction s WHERE s.conversation_id = c.conversation_id)")
                         : QStringLiteral("NULL"))
            .arg(std::clamp(limit, 1, 10000));
    auto q = execQuery(db, sql, {}, QStringLiteral("reading chat history"));
    if (!q)
        return q.error();
    std::vector<ChatConversationSummary> out;
    while (q->next()) {
        ChatConversationSummary s;
        s.id = q->value(0).toString();
        s.userId = q->value(1).toString();
        s.channel = q->value(2).toString();
        s.firstTsMs = fromDbDateTime(q->value(3)).toMSecsSinceEpoch();
        const QDateTime ended = fromDbDateTime(q->value(4));
        const QDateTime lastMessage = fromDbDateTime(q->value(7));
        s.lastTsMs = std::max({s.firstTsMs, ended.isValid() ? ended.toMSecsSinceEpoch() : 0,
                               lastMessage.isValid() ? lastMessage.toMSecsSinceEpoch() : 0});
        s.completed = ended.isValid();
        s.resolved = q->value(5).toInt() != 0;
        s.messages = q->value(6).toInt();
        s.lastIntent = q->value(8).toString();
        s.rating = q->value(9).toInt();
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<ChatTranscriptLine>> loadChatTranscript(const Database &db, const QString &conversationId, int limit)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT role, content, intent, latency_ms, success, telemetry_id, created_at"
                                      " FROM chat_messages WHERE conversation_id = ? ORDER BY created_at, id LIMIT %1")
                           .arg(std::clamp(limit, 1, 10000)),
                       {conversationId}, QStringLiteral("reading a chat transcript"));
    if (!q)
        return q.error();
    std::vector<ChatTranscriptLine> out;
    while (q->next()) {
        ChatTranscriptLine l;
        l.kind = q->value(0).toString() == QLatin1String("assistant") ? ChatTranscriptLine::Kind::Assistant
                                                                      : ChatTranscriptLine::Kind::User;
        l.text = q->value(1).toString().left(2000);
        l.intent = q->value(2).toString();
        if (!q->value(3).isNull())
            l.latencyMs = q->value(3).toLongLong();
        l.success = q->value(4).isNull() || q->value(4).toInt() != 0;
        if (!q->value(5).isNull())
            l.telemetryId = q->value(5).toLongLong();
        l.tsMs = fromDbDateTime(q->value(6)).toMSecsSinceEpoch();
        out.push_back(std::move(l));
    }
    return out;
}

Result<std::vector<qint64>> chatTelemetryIds(const Database &db, int limit)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT id FROM ai_telemetry WHERE task_type = ? ORDER BY id DESC LIMIT %1")
                           .arg(std::clamp(limit, 1, 100000)),
                       {QStringLiteral("chat_response")}, QStringLiteral("reading chat decision ids"));
    if (!q)
        return q.error();
    std::vector<qint64> ids;
    while (q->next())
        ids.push_back(q->value(0).toLongLong());
    return ids;
}

}  // namespace atalaya

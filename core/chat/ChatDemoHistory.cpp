#include "core/chat/ChatDemoStream.h"
#include "core/chat/ChatHistory.h"
#include "core/chat/ChatParser.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QDateTime>
#include <QJsonDocument>

namespace atalaya {

namespace {

Status createChatTables(const Database &db)
{
    const Dialect &d = db.dialect();
    const bool inline_ = d.supportsInlineIndexes();
    const QStringList ddl = {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS chat_conversations (%1, conversation_id VARCHAR(100) NOT NULL UNIQUE,"
            " user_id VARCHAR(100) NULL, channel VARCHAR(50) NULL, started_at DATETIME(6) NOT NULL,"
            " ended_at DATETIME(6) NULL, resolved BOOLEAN NULL%2)%3")
            .arg(d.autoIncrementPrimaryKey(),
                 inline_ ? QStringLiteral(", INDEX idx_chat_conv_started (started_at)") : QString(), d.tableSuffix()),
        QStringLiteral("CREATE TABLE IF NOT EXISTS chat_messages (%1, conversation_id VARCHAR(100) NOT NULL,"
                       " message_id VARCHAR(100) NULL, role VARCHAR(20) NOT NULL, content TEXT NOT NULL,"
                       " intent VARCHAR(50) NULL, latency_ms INT NULL, success BOOLEAN NULL, telemetry_id BIGINT NULL,"
                       " created_at DATETIME(6) NOT NULL%2)%3")
            .arg(d.autoIncrementPrimaryKey(),
                 inline_ ? QStringLiteral(", INDEX idx_chat_msg_conv (conversation_id)") : QString(), d.tableSuffix()),
        QStringLiteral("CREATE TABLE IF NOT EXISTS user_satisfaction (%1, conversation_id VARCHAR(100) NOT NULL,"
                       " rating INT NOT NULL, comment TEXT NULL, created_at DATETIME(6) NOT NULL%2)%3")
            .arg(d.autoIncrementPrimaryKey(),
                 inline_ ? QStringLiteral(", INDEX idx_chat_sat_conv (conversation_id)") : QString(), d.tableSuffix()),
    };
    for (const QString &sql : ddl) {
        if (auto s = execStatement(db, sql, {}, QStringLiteral("creating the demo chat tables")); !s)
            return s;
    }
    if (!inline_) {
        for (const QString &sql :
             {QStringLiteral("CREATE INDEX IF NOT EXISTS idx_chat_conv_started ON chat_conversations (started_at)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS idx_chat_msg_conv ON chat_messages (conversation_id)"),
              QStringLiteral("CREATE INDEX IF NOT EXISTS idx_chat_sat_conv ON user_satisfaction (conversation_id)")}) {
            if (auto s = execStatement(db, sql, {}, QStringLiteral("creating the demo chat indexes")); !s)
                return s;
        }
    }
    return {};
}

QVariant dbTime(qint64 ms)
{
    return toDbDateTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

}  // namespace

Result<ChatDemoHistoryReport> loadChatDemoHistory(const Database &db, int conversations, int days, quint32 seed)
{
    if (auto created = createChatTables(db); !created)
        return created.error();
    auto existing = execQuery(db, QStringLiteral("SELECT COUNT(*) FROM chat_conversations"), {},
                              QStringLiteral("counting chat conversations"));
    if (!existing)
        return existing.error();
    ChatDemoHistoryReport report;
    if (existing->next() && existing->value(0).toLongLong() > 0) {
        report.skipped = true;
        return report;
    }
    auto ids = chatTelemetryIds(db, 500);
    ChatDemoStream stream(seed, ids ? *ids : std::vector<qint64>{});
    // ~7 events per conversation, spread evenly over the period, ending an hour ago so the
    // history does not overlap the live feed.
    const qint64 end = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    const qint64 events = qint64(conversations) * 7;
    const qint64 step = qint64(days) * 86400 * 1000 / std::max<qint64>(1, events);
    qint64 t = end - qint64(days) * 86400 * 1000;
    return inTransaction(db, [&]() -> Result<ChatDemoHistoryReport> {
        while (report.conversations < conversations || t < end) {
            if (t >= end + qint64(days) * 3600 * 1000)
                break;  // the last open conversations stay open, like a real backend at night
            t += step;
            const QJsonObject o = stream.next(t);
            const ChatParseResult parsed = parseChatFrame(QJsonDocument(o).toJson(QJsonDocument::Compact));
            if (parsed.events.empty())
                continue;
            const ChatEvent &e = parsed.events.front();
            Status s;
            switch (e.type) {
            case ChatEvent::Type::ConversationStarted:
                if (report.conversations >= conversations)
                    continue;
                ++report.conversations;
                s = execStatement(
                    db,
                    QStringLiteral("INSERT INTO chat_conversations (conversation_id, user_id, channel, started_at)"
                                   " VALUES (?, ?, ?, ?)"),
                    {e.conversationId, e.userId, e.channel, dbTime(e.tsMs)},
                    QStringLiteral("writing a demo conversation"));
                break;
            case ChatEvent::Type::Message:
                ++report.messages;
                s = execStatement(
                    db,
                    QStringLiteral(
                        "INSERT INTO chat_messages (conversation_id, message_id, role, content, intent,"
                        " latency_ms, success, telemetry_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {e.conversationId, e.messageId, e.assistant ? QStringLiteral("assistant") : QStringLiteral("user"),
                     e.content, e.intent.isEmpty() ? QVariant() : QVariant(e.intent),
                     e.latencyMs ? QVariant(*e.latencyMs) : QVariant(),
                     e.assistant ? QVariant(e.success ? 1 : 0) : QVariant(),
                     e.telemetryId ? QVariant(*e.telemetryId) : QVariant(), dbTime(e.tsMs)},
                    QStringLiteral("writing a demo chat message"));
                break;
            case ChatEvent::Type::Satisfaction:
                ++report.ratings;
                s = execStatement(db,
                                  QStringLiteral("INSERT INTO user_satisfaction (conversation_id, rating, comment, "
                                                 "created_at) VALUES (?, ?, ?, ?)"),
                                  {e.conversationId, e.rating, e.comment, dbTime(e.tsMs)},
                                  QStringLiteral("writing a demo rating"));
                break;
            case ChatEvent::Type::ConversationCompleted:
                s = execStatement(
                    db,
                    QStringLiteral(
                        "UPDATE chat_conversations SET ended_at = ?, resolved = ? WHERE conversation_id = ?"),
                    {dbTime(e.tsMs), e.resolved ? 1 : 0, e.conversationId},
                    QStringLiteral("closing a demo conversation"));
                break;
            case ChatEvent::Type::Error:
            case ChatEvent::Type::Heartbeat: break;
            }
            if (!s)
                return s.error();
        }
        return report;
    });
}

}  // namespace atalaya

#pragma once

#include "core/chat/ChatMetrics.h"
#include "core/common/Result.h"

#include <vector>

namespace atalaya {

class Database;

// The chat backend's own tables (docs/DATA.md §Chat tables, optional). Atalaya only reads them,
// except `demo`, which creates and fills them when they are missing.
bool chatTablesExist(const Database &db);
Result<std::vector<ChatConversationSummary>> loadChatHistory(const Database &db, int limit);
Result<std::vector<ChatTranscriptLine>> loadChatTranscript(const Database &db, const QString &conversationId,
                                                           int limit);

// Recent decisions of the support-chat agent, for the demo feed's telemetry_id links.
Result<std::vector<qint64>> chatTelemetryIds(const Database &db, int limit);

struct ChatDemoHistoryReport {
    qint64 conversations = 0;
    qint64 messages = 0;
    qint64 ratings = 0;
    bool skipped = false;  // the tables already had rows: the chat backend owns them
};
// Creates the chat tables when missing and, when empty, fills `days` of history.
Result<ChatDemoHistoryReport> loadChatDemoHistory(const Database &db, int conversations, int days, quint32 seed);

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace atalaya {

class Database;

// One UTC day of the chat tables.
struct ChatHistoryDay {
    QDate day;
    qint64 conversations = 0;  // started that day
    qint64 messages = 0;
    std::optional<double> latencyAvgMs;  // assistant answers
    std::optional<double> successRate;  // 0..1, assistant answers with a success flag
    std::optional<double> satisfactionAvg;  // 1..5
};

// The seed 002 "historical" metrics over a period, from the chat backend's tables (DATA.md):
// the same KPIs as the live window, so the chat page has figures before the feed sends
// anything. A metric over an empty set is nullopt.
struct ChatHistoryMetrics {
    qint64 conversations = 0;  // started in the period
    qint64 messages = 0;
    qint64 assistantMessages = 0;
    std::optional<double> latencyAvgMs;
    std::optional<qint64> latencyP95Ms;  // nearest rank
    std::optional<double> successRate;
    qint64 satisfactionCount = 0;
    std::optional<double> satisfactionAvg;
    std::optional<double> resolutionRate;  // resolved of the conversations ended in the period
    std::vector<std::pair<QString, qint64>> topIntents;  // most frequent first
    std::vector<ChatHistoryDay> days;  // days with any message or conversation, ascending
};

// Reads [from, to). The chat tables must exist (chatTablesExist); user_satisfaction is optional.
Result<ChatHistoryMetrics> loadChatHistoryMetrics(const Database &db, const QDateTime &from, const QDateTime &to,
                                                  int topIntents = 5);

}  // namespace atalaya

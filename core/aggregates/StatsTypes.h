#pragma once

#include "core/aggregates/StatsQuery.h"

#include <QDate>
#include <QMetaType>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace atalaya {

enum class GroupBy { Agent, TaskType, Day };

struct AccuracySummary {
    qint64 totalDecisions = 0;
    qint64 totalWithFeedback = 0;
    qint64 correct = 0;
    qint64 incorrect = 0;
    qint64 partiallyCorrect = 0;
    std::optional<double> accuracyAvg;  // SUM(accuracy) / COUNT(feedback)

    // feedback_rate = with feedback / total × 100 (docs/CLI.md §stats), null for an empty window.
    std::optional<double> feedbackRatePercent() const
    {
        if (totalDecisions == 0)
            return std::nullopt;
        return 100.0 * static_cast<double>(totalWithFeedback) / static_cast<double>(totalDecisions);
    }
};

struct ConfidenceDistribution {
    qint64 totalDecisions = 0;
    std::array<qint64, 5> counts{};  // kConfidenceBuckets order

    double percentage(int bucket) const
    {
        return totalDecisions == 0
            ? 0.0
            : 100.0 * static_cast<double>(counts[static_cast<size_t>(bucket)]) / static_cast<double>(totalDecisions);
    }
};

struct ExecutionTimeStats {
    std::optional<double> avgMs;
    std::optional<qint64> minMs;
    std::optional<qint64> maxMs;
    std::optional<qint64> p50Ms;
    std::optional<qint64> p95Ms;
    std::optional<qint64> p99Ms;
};

// Rows written by other systems that break the seed's ranges; excluded from every figure.
struct DataQuality {
    qint64 confidenceOutOfRange = 0;
    qint64 negativeExecutionTime = 0;
    qint64 unknownFeedback = 0;
    qint64 invalidJson = 0;
    // Over the whole table, not the window: a row whose time cannot be read is in no window.
    qint64 invalidCreatedAt = 0;

    qint64 excludedRows = 0;  // rows excluded (a row may break several rules)
};

// Everything the dashboard shows about one set of decisions.
struct WindowSummary {
    AccuracySummary accuracy;
    ConfidenceDistribution confidence;
    ExecutionTimeStats execution;
    std::optional<double> avgConfidence;
};

struct GroupSummary {
    QString key;  // agent id, task type, or yyyy-MM-dd
    WindowSummary summary;
};

struct TaskTypeCount {
    QString taskType;
    qint64 count = 0;
};

struct AgentDetail {
    QString agentId;
    WindowSummary summary;
    std::vector<TaskTypeCount> taskTypes;
};

struct StatsSnapshot {
    StatsQuery query;
    WindowSummary summary;
    DataQuality quality;
    QString percentileMethod = QStringLiteral("exact");
};

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::StatsSnapshot)

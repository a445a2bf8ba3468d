#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "core/telemetry/Feedback.h"

#include <optional>

namespace atalaya {

// A validated decision, ready to insert (the record body of docs/CLI.md §record).
struct DecisionInput {
    QString agentId;
    QString taskType;
    QJsonObject decision;
    double confidence = 0.0;
    qint64 executionTimeMs = 0;
    QJsonObject metadata;
    QDateTime createdAt;  // UTC; invalid = now
    // Only for backfills of reviewed history (demo, imports); `record` never sets it.
    std::optional<Feedback> feedback;
};

struct RecordedDecision {
    qint64 id = 0;
    QString agentId;
    QString taskType;
    double confidence = 0.0;
    QDateTime createdAt;
};

}  // namespace atalaya

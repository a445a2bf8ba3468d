#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Decision.h"

#include <QByteArray>
#include <QDateTime>

namespace atalaya {

// Validation of docs/CLI.md §record: agent_id required ≤ 100 chars, task_type required ≤ 50, decision a JSON
// object, confidence a number in [0,1], execution_time_ms a non-negative integer (Django's
// PositiveIntegerField, which the seed used, admits 0), metadata an optional object, and
// created_at an optional ISO 8601 time for backfills, from earliestCreatedAt() to now + 1 day.
// Errors name the field and the range.
Result<DecisionInput> validateDecision(const QJsonObject &body);
QDateTime earliestCreatedAt();  // 2000-01-01T00:00:00Z
Result<DecisionInput> validateDecisionJson(const QByteArray &json);

}  // namespace atalaya

#pragma once

#include "telemetry/Decision.h"

#include <optional>

namespace atalaya::test {

// A valid decision with the figures a stats test cares about; the payload is fixed.
DecisionInput makeDecision(const QString &agent, const QString &task, double confidence, qint64 ms,
                           std::optional<Feedback> feedback, const QDateTime &at);

} // namespace atalaya::test

#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskService.h"

#include <QJsonObject>

#include <memory>

namespace atalaya {

class Database;

struct RecordedCheck {
    qint64 telemetryId = 0;
    QJsonObject decision;
};

// `risk predict --record` and the risk page's "Record this check": the check written as a
// decision (riskCheckDecision), so it enters the review queue like any other.
Result<RecordedCheck> recordRiskCheck(std::shared_ptr<const Database> db, const RiskPrediction &prediction,
                                      const RiskModel &model, const QString &cycleId,
                                      std::optional<double> failAbove, double elapsedMs, const QString &source);

}  // namespace atalaya

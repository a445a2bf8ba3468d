#include "core/ingest/RiskCheckRecorder.h"

#include "core/ingest/DecisionRecorder.h"

namespace atalaya {

Result<RecordedCheck> recordRiskCheck(std::shared_ptr<const Database> db, const RiskPrediction &prediction,
                                      const RiskModel &model, const QString &cycleId,
                                      std::optional<double> failAbove, double elapsedMs, const QString &source)
{
    const DecisionInput check = riskCheckDecision(prediction, model, cycleId, failAbove, elapsedMs, source);
    auto recorded = DecisionRecorder(std::move(db)).record(check);
    if (!recorded)
        return recorded.error();
    return RecordedCheck{recorded->id, check.decision};
}

}  // namespace atalaya

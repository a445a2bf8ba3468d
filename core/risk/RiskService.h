#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskExplainer.h"
#include "core/risk/RiskTraining.h"
#include "core/telemetry/Decision.h"

#include <memory>

namespace atalaya {

class Database;

struct TrainRequest {
    int days = 90;
    bool dryRun = false;
    bool activateAnyway = false;
    TrainingOptions options;  // windowDays and now are filled from `days` and the clock
};

struct TrainOutcome {
    RiskModel model;
    std::vector<ValidationCheck> checks;
    int skippedCycles = 0;
    QStringList problems;
    bool stored = false;
    bool activated = false;
};

// What the CLI and the panel share: train from dora_metrics and store the version, explain a
// cycle or raw features with the active model.
class RiskService {
public:
    explicit RiskService(std::shared_ptr<const Database> db);

    // Reads the window, trains (reporting through `monitor`), stores unless dry-run and
    // activates when the checks pass or activateAnyway. Errors: NoModel under 10 samples.
    Result<TrainOutcome> train(const TrainRequest &request, const TrainingMonitor &monitor = {}) const;

private:
    std::shared_ptr<const Database> m_db;
};

// A check as the decision row that closes the loop with telemetry (docs/RISK_MODEL.md): agent
// deployment-risk-predictor, task deployment_risk, confidence = the prediction's, metadata with
// the model version. core/ingest writes it (recordRiskCheck).
DecisionInput riskCheckDecision(const RiskPrediction &prediction, const RiskModel &model, const QString &cycleId,
                                std::optional<double> failAbove, double elapsedMs, const QString &source);

QJsonObject trainOutcomeJson(const TrainOutcome &outcome);
QJsonObject checksJson(const std::vector<ValidationCheck> &checks);
QJsonObject importanceJson(const RiskModel &model);
QJsonObject modelStatsJson(const RiskModel &model);

}  // namespace atalaya

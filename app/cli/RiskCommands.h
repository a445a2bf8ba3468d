#pragma once

#include "core/risk/RiskExplainer.h"

#include <optional>

namespace atalaya::cli {

class CliContext;

// `risk predict --all-pending` (cyclesFrom empty) or `--cycles-from FILE`: one JSON line per
// cycle, exit 6 when any is above failAbove.
struct BatchPredictRequest {
    QString cyclesFrom;
    std::optional<double> failAbove;
    bool record = false;
    RiskLanguage language = RiskLanguage::English;
};
int runRiskPredictBatch(CliContext &ctx, const BatchPredictRequest &request);

// The sub-commands of `risk` (docs/CLI.md); each parses its own options from ctx.
int runRiskPredict(CliContext &ctx);
int runRiskTrain(CliContext &ctx);
int runRiskImportCsv(CliContext &ctx);

// Creates Atalaya's tables (migrations) before a write; the error says which right is missing.
int ensureRiskSchema(CliContext &ctx);

}  // namespace atalaya::cli

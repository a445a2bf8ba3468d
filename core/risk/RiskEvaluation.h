#pragma once

#include "core/risk/RiskModel.h"

namespace atalaya {

// Metrics of a model's scores on labelled rows (exposed for the benchmark and tests).
RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate,
                           const Calibration &calibration = {});
std::optional<double> rocAuc(const std::vector<double> &scores, const std::vector<bool> &labels);

}  // namespace atalaya

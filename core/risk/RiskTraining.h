#pragma once

#include "common/Result.h"
#include "risk/RiskModel.h"

#include <functional>

namespace atalaya {

// Reports progress and asks whether to stop; usable from QtConcurrent (QPromise) and from a
// QThread alike. Both callbacks are optional and called on the training thread.
struct TrainingMonitor {
    std::function<void(int done, int total, const QString &stage)> progress;
    std::function<bool()> cancelled;
};

struct TrainingOptions {
    ForestSettings forest;
    int windowDays = 90;
    int backgroundSize = 100;
    int importanceRepeats = 3;
    int importanceMaxRows = 4000;  // permutation importance on at most this many validation rows
    QDateTime now;                 // invalid = current time (trained_at)
};

// Stratified 80/20 split: each class shuffled with the seed, round(20 %) of it held out.
struct Split {
    std::vector<int> train;
    std::vector<int> validation;
};
Split stratifiedSplit(const std::vector<bool> &labels, quint64 seed);

// min_samples_per_leaf when left automatic: dlib only stops splitting at it (there is no
// depth limit), so it sets the forest's size. ~1 per 800 training rows, within 5..100, gives
// 100 at 80 k rows — the compact 4 MB forest of RISK_MODEL.md that predicts in ~20 µs and
// matches sklearn's AUC — and still grows real trees on a few hundred cycles.
int automaticMinSamplesPerLeaf(int trainingRows);

// Fewer than 10 samples, or only one class: NoModel. Cancelled: Internal "training cancelled".
Result<RiskModel> trainRiskModel(const std::vector<CycleSample> &samples, const TrainingOptions &options,
                                 const TrainingMonitor &monitor = {});

// Metrics of a model's scores on labelled rows (exposed for the benchmark and tests).
RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate);
std::optional<double> rocAuc(const std::vector<double> &scores, const std::vector<bool> &labels);

} // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskModel.h"

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
    int importanceMaxRows = 4000;  // permutation importance on at most this many held-out rows
    int cvFolds = 5;
    int cvTrees = 30;  // per fold and for the time split: cheap estimates, the final forest is full
    QDateTime now;  // invalid = current time (trained_at)
};

// Stratified 80/20 split: each class shuffled with the seed, round(20 %) of it held out.
struct Split {
    std::vector<int> train;
    std::vector<int> validation;
};
Split stratifiedSplit(const std::vector<bool> &labels, quint64 seed);

// min_samples_per_leaf when left automatic: 1 % of the training rows, within 5..800. dlib only
// stops splitting at it (no depth limit), so it sets the forest's size: ~200 leaves per tree,
// about the capacity of the seed's max_depth=10, 0.2–0.8 MB, ~10 µs per prediction and fast
// exact explanations. On the synthetic benchmark (bench/risk_vs_sklearn.sh) held-out AUC rose
// from 100 per leaf to 400–1600 at 80 k rows and from 10 to 80–160 at 8 k rows, matching or
// beating sklearn's seed forest; the floor of 5 still grows real trees on a few hundred cycles.
int automaticMinSamplesPerLeaf(int trainingRows);

// Stratified k folds: each class shuffled with the seed and dealt round-robin; fold f's rows.
std::vector<std::vector<int>> stratifiedFolds(const std::vector<bool> &labels, int folds, quint64 seed);

// The final forest is grown on every sample; its metrics are the out-of-fold predictions of a
// stratified k-fold, plus a time-ordered split (docs/RISK_MODEL.md §Training).
// Fewer than 10 samples, or only one class: NoModel. Cancelled: Internal "training cancelled".
Result<RiskModel> trainRiskModel(const std::vector<CycleSample> &samples, const TrainingOptions &options,
                                 const TrainingMonitor &monitor = {});

// Metrics of a model's scores on labelled rows (exposed for the benchmark and tests).
RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate,
                           const Calibration &calibration = {});
std::optional<double> rocAuc(const std::vector<double> &scores, const std::vector<bool> &labels);

}  // namespace atalaya

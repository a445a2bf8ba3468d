#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskEvaluation.h"
#include "core/risk/RiskSettingsSearch.h"

#include <functional>

namespace atalaya {

// Reports progress and asks whether to stop; usable from QtConcurrent (QPromise) and from a
// QThread alike. Both callbacks are optional and called on the training thread.
struct TrainingMonitor {
    std::function<void(int done, int total, const QString &stage)> progress;
    std::function<bool()> cancelled;
};

struct TrainingOptions {
    ForestSettings forest;  // the starting point of the search, or the settings when search is off
    bool searchSettings = true;  // docs/RISK_MODEL.md §Settings search
    SearchOptions search;
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

// The settings are chosen by cross-validation (searchSettings), then the final forest is grown on
// every sample; its metrics are the out-of-fold predictions of a stratified k-fold with those
// settings, plus a time-ordered split (docs/RISK_MODEL.md §Training).
// Fewer than 10 samples, or only one class: NoModel. Cancelled: Internal "training cancelled".
Result<RiskModel> trainRiskModel(const std::vector<CycleSample> &samples, const TrainingOptions &options,
                                 const TrainingMonitor &monitor = {});

}  // namespace atalaya

#pragma once

#include "core/risk/ForestGrowing.h"

namespace atalaya {

// Stratified k folds: each class shuffled with the seed and dealt round-robin; fold f's rows.
std::vector<std::vector<int>> stratifiedFolds(const std::vector<bool> &labels, int folds, quint64 seed);

// Out-of-fold predictions of forests grown with one set of settings.
struct CrossValidation {
    std::vector<int> rows;  // every row of the folds, sorted
    std::vector<double> scores;  // out-of-fold score per row of `rows`
    std::vector<bool> labels;
    std::optional<double> auc;
    std::optional<double> halfTreesAuc;  // the same forests with only their first half of trees
    TreeEnsemble firstFoldForest;  // for permutation importance on the first fold's rows
    std::vector<int> firstFoldRows;
};

// Each fold predicted by a forest of `trees` grown on the other folds, with settings chosen for
// a forest on `fullRows` rows (leaves scaled down to the fold's size). Streams 1..k.
// Empty when `cancelled` said so between two folds.
std::optional<CrossValidation> crossValidate(const TrainingData &d, const std::vector<std::vector<int>> &folds,
                                             const ForestSettings &settings, std::size_t fullRows, int trees,
                                             const std::function<bool()> &cancelled);

struct SearchOptions {
    int maxRows = 6000;  // bigger histories are searched on a stratified subsample of this size
    int folds = 5;
    int trees = 30;  // per fold
    double minGain = 0.002;  // a candidate must beat the current choice's CV AUC by this much
    int moreTreesMaxRows = 20000;  // twice the trees only up to here (time budget)
};

struct SearchOutcome {
    ForestSettings chosen;
    SettingsSearch report;
    // The chosen settings' cross-validation, when the search covered every row (then it is the
    // model's CV: same folds, same forests).
    std::optional<CrossValidation> chosenCv;
};

// The candidates, in the order tried: min_samples_per_leaf at ¼, ½, 1, 2, 4 and 8 times
// automaticMinSamplesPerLeaf(rows), then feature fractions 0.2, 0.5, 0.8 around 1/3, then
// undersampling instead of oversampling; each stage keeps the best so far. Then the tree count
// doubles when the chosen forests' CV AUC still rose by more than minGain from half their
// trees to all (and the history is within moreTreesMaxRows). `onCandidate` reports
// (done, total) after each candidate. Empty when cancelled.
std::optional<SearchOutcome> searchSettings(const TrainingData &d, const ForestSettings &base,
                                            const SearchOptions &options,
                                            const std::function<void(int, int)> &onCandidate,
                                            const std::function<bool()> &cancelled);
// How many candidates searchSettings() tries for a history of `rows` cycles (progress steps).
int searchCandidateCount(int rows);

int automaticMinSamplesPerLeaf(int trainingRows);

}  // namespace atalaya

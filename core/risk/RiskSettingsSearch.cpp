#include "core/risk/RiskSettingsSearch.h"

#include "core/risk/RiskEvaluation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace atalaya {
namespace {

constexpr double kLeafFactors[] = {0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
constexpr double kFeatureFractions[] = {0.2, 0.5, 0.8};

std::vector<int> leafLadder(int rows)
{
    std::vector<int> out;
    const int automatic = automaticMinSamplesPerLeaf(rows);
    for (double f : kLeafFactors) {
        const int leaf = std::max(2, static_cast<int>(std::lround(automatic * f)));
        if (std::find(out.begin(), out.end(), leaf) == out.end())
            out.push_back(leaf);
    }
    return out;
}

// A stratified subsample of at most maxRows rows: the first of enough stratified folds.
std::vector<int> searchRows(const std::vector<bool> &labels, int maxRows, quint64 seed)
{
    const int n = static_cast<int>(labels.size());
    if (n <= maxRows) {
        std::vector<int> all(labels.size());
        std::iota(all.begin(), all.end(), 0);
        return all;
    }
    return stratifiedFolds(labels, (n + maxRows - 1) / maxRows, seed + 7).front();
}

}  // namespace

int automaticMinSamplesPerLeaf(int trainingRows)
{
    return std::clamp(trainingRows / 100, 5, 800);
}

std::vector<std::vector<int>> stratifiedFolds(const std::vector<bool> &labels, int folds, quint64 seed)
{
    std::vector<std::vector<int>> out(static_cast<std::size_t>(std::max(1, folds)));
    std::size_t next = 0;  // continues across classes so fold sizes differ by at most one
    for (int cls = 1; cls >= 0; --cls) {
        std::vector<int> idx;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == (cls == 1))
                idx.push_back(static_cast<int>(i));
        TrainingRng rng(seed + 101 + static_cast<quint64>(cls));
        rng.shuffle(idx);
        for (int i : idx)
            out[next++ % out.size()].push_back(i);
    }
    for (auto &fold : out)
        std::sort(fold.begin(), fold.end());
    return out;
}

std::optional<CrossValidation> crossValidate(const TrainingData &d, const std::vector<std::vector<int>> &folds,
                                             const ForestSettings &settings, std::size_t fullRows, int trees,
                                             const std::function<bool()> &cancelled)
{
    CrossValidation cv;
    for (const auto &fold : folds)
        cv.rows.insert(cv.rows.end(), fold.begin(), fold.end());
    std::sort(cv.rows.begin(), cv.rows.end());
    std::vector<double> full(d.x.size(), 0.0), half(d.x.size(), 0.0);
    const int halfTrees = std::max(1, trees / 2);
    for (std::size_t f = 0; f < folds.size(); ++f) {
        if (cancelled && cancelled())
            return std::nullopt;
        std::vector<int> train;
        for (std::size_t g = 0; g < folds.size(); ++g)
            if (g != f)
                train.insert(train.end(), folds[g].begin(), folds[g].end());
        std::sort(train.begin(), train.end());
        const Grow grow = growFor(settings, trees, train.size(), fullRows, f + 1);
        TreeEnsemble forest = *growForest(d, train, grow);
        TreeEnsemble firstHalf;
        firstHalf.trees.assign(forest.trees.begin(),
                               forest.trees.begin() + std::min<int>(halfTrees, forest.trees.size()));
        for (int i : folds[f]) {
            full[i] = forest.predict(d.x[i]);
            half[i] = firstHalf.predict(d.x[i]);
        }
        if (f == 0) {
            cv.firstFoldForest = std::move(forest);
            cv.firstFoldRows = folds[f];
        }
    }
    std::vector<double> halfScores;
    for (int i : cv.rows) {
        cv.scores.push_back(full[i]);
        halfScores.push_back(half[i]);
        cv.labels.push_back(d.labels[i]);
    }
    cv.auc = rocAuc(cv.scores, cv.labels);
    cv.halfTreesAuc = rocAuc(halfScores, cv.labels);
    return cv;
}

int searchCandidateCount(int rows)
{
    return static_cast<int>(leafLadder(std::max(1, rows)).size() + std::size(kFeatureFractions)) + 1;
}

std::optional<SearchOutcome> searchSettings(const TrainingData &d, const ForestSettings &base,
                                            const SearchOptions &options,
                                            const std::function<void(int, int)> &onCandidate,
                                            const std::function<bool()> &cancelled)
{
    const std::size_t n = d.labels.size();
    const std::vector<int> rows = searchRows(d.labels, options.maxRows, base.seed);
    std::vector<bool> rowLabels;
    for (int i : rows)
        rowLabels.push_back(d.labels[i]);
    const int failures = static_cast<int>(std::count(rowLabels.begin(), rowLabels.end(), true));
    const int folds = std::min({options.folds, failures, static_cast<int>(rows.size()) - failures});
    if (folds < 2)
        return SearchOutcome{base, {}, std::nullopt};
    auto parts = stratifiedFolds(rowLabels, folds, base.seed);
    for (auto &fold : parts)
        for (int &i : fold)
            i = rows[i];

    SearchOutcome out;
    out.report.rows = static_cast<int>(rows.size());
    out.report.folds = folds;
    out.report.treesPerFold = std::max(1, std::min(options.trees, base.trees));
    const int total = searchCandidateCount(static_cast<int>(n));
    std::optional<CrossValidation> best;
    ForestSettings current = base;
    current.minSamplesPerLeaf = automaticMinSamplesPerLeaf(static_cast<int>(n));
    std::size_t bestIndex = 0;
    // A forest of the candidate's settings for all n rows, cross-validated on the searched rows:
    // leaves scale with the rows each fold's forest sees.
    auto tryCandidate = [&](const ForestSettings &candidate) {
        auto cv = crossValidate(d, parts, candidate, n, out.report.treesPerFold, cancelled);
        if (!cv)
            return false;
        out.report.candidates.push_back({candidate, cv->auc, false});
        const bool better = !best || (cv->auc && (!best->auc || *cv->auc > *best->auc + options.minGain));
        if (better) {
            best = std::move(cv);
            current = candidate;
            bestIndex = out.report.candidates.size() - 1;
        }
        if (onCandidate)
            onCandidate(static_cast<int>(out.report.candidates.size()), total);
        return true;
    };
    // The automatic leaf size first, so that it is the one to beat.
    std::vector<int> leaves = leafLadder(static_cast<int>(n));
    std::stable_partition(leaves.begin(), leaves.end(), [&](int l) { return l == current.minSamplesPerLeaf; });
    const ForestSettings start = current;
    for (int leaf : leaves) {
        ForestSettings c = start;
        c.minSamplesPerLeaf = leaf;
        if (!tryCandidate(c))
            return std::nullopt;
    }
    const ForestSettings afterLeaf = current;
    for (double fraction : kFeatureFractions) {
        ForestSettings c = afterLeaf;
        c.featureFraction = fraction;
        if (!tryCandidate(c))
            return std::nullopt;
    }
    ForestSettings under = current;
    under.resampling = Resampling::UndersampleSuccesses;
    if (!tryCandidate(under))
        return std::nullopt;

    out.report.candidates[bestIndex].chosen = true;
    out.chosen = current;
    out.report.halfTreesAuc = best->halfTreesAuc;
    if (best->auc && best->halfTreesAuc && *best->auc > *best->halfTreesAuc + options.minGain
        && static_cast<int>(n) <= options.moreTreesMaxRows)
        out.chosen.trees = 2 * base.trees;
    if (rows.size() == n)
        out.chosenCv = std::move(best);
    return out;
}

}  // namespace atalaya

#include "core/risk/RiskTraining.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

namespace atalaya {
namespace {

std::vector<double> scoresOf(const TreeEnsemble &forest, const std::vector<FeatureVector> &rows)
{
    std::vector<double> s(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        s[i] = forest.predict(rows[i]);
    return s;
}

Contributions permutationImportance(const TreeEnsemble &forest, const std::vector<FeatureVector> &rows,
                                    const std::vector<bool> &labels, const TrainingOptions &options)
{
    Contributions importance{};
    const auto base = rocAuc(scoresOf(forest, rows), labels);
    if (!base)
        return importance;
    std::vector<int> features(kRiskFeatureCount);
    std::iota(features.begin(), features.end(), 0);
    const std::vector<double> drops = QtConcurrent::blockingMapped<std::vector<double>>(features, [&](int f) {
        double sum = 0;
        for (int r = 0; r < options.importanceRepeats; ++r) {
            TrainingRng rng(options.forest.seed * 7919 + static_cast<quint64>(f) * 131 + static_cast<quint64>(r));
            std::vector<double> column(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                column[i] = rows[i][f];
            rng.shuffle(column);
            std::vector<double> scores(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) {
                FeatureVector x = rows[i];
                x[f] = column[i];
                scores[i] = forest.predict(x);
            }
            sum += *base - rocAuc(scores, labels).value_or(*base);
        }
        return std::max(0.0, sum / options.importanceRepeats);
    });
    const double total = std::accumulate(drops.begin(), drops.end(), 0.0);
    for (int f = 0; f < kRiskFeatureCount && total > 0; ++f)
        importance[f] = drops[f] / total;
    return importance;
}

}  // namespace

Split stratifiedSplit(const std::vector<bool> &labels, quint64 seed)
{
    Split split;
    for (int cls = 0; cls < 2; ++cls) {
        std::vector<int> idx;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == (cls == 1))
                idx.push_back(static_cast<int>(i));
        TrainingRng rng(seed + static_cast<quint64>(cls));
        rng.shuffle(idx);
        const auto held = static_cast<std::ptrdiff_t>(std::llround(idx.size() * 0.2));
        split.validation.insert(split.validation.end(), idx.begin(), idx.begin() + held);
        split.train.insert(split.train.end(), idx.begin() + held, idx.end());
    }
    return split;
}

namespace {

bool hasBothClasses(const TrainingData &d, const std::vector<int> &rows)
{
    bool seen[2] = {false, false};
    for (int i : rows)
        seen[d.labels[i] ? 1 : 0] = true;
    return seen[0] && seen[1];
}

double failureRateOf(const TrainingData &d, const std::vector<int> &rows)
{
    double failed = 0;
    for (int i : rows)
        failed += d.labels[i];
    return rows.empty() ? 0.0 : failed / rows.size();
}

}  // namespace

Result<RiskModel> trainRiskModel(const std::vector<CycleSample> &samples, const TrainingOptions &options,
                                 const TrainingMonitor &monitor)
{
    const int n = static_cast<int>(samples.size());
    if (n < 10)
        return makeError(ErrorCode::NoModel,
                         QStringLiteral("only %1 delivery cycle%2 with a deployment row in the window; "
                                        "at least 10 are needed to train (widen --days or import history)")
                             .arg(n)
                             .arg(n == 1 ? QString() : QStringLiteral("s")));
    TrainingData d;
    d.labels.resize(samples.size());
    d.x.resize(samples.size());
    int failures = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        d.labels[i] = samples[i].failed;
        d.x[i] = normalizeFeatures(samples[i].raw);
        failures += samples[i].failed;
    }
    if (failures == 0 || failures == n)
        return makeError(ErrorCode::NoModel,
                         QStringLiteral("the training cycles are all %1; the model needs both failed and "
                                        "successful deployments")
                             .arg(failures == 0 ? QStringLiteral("successful") : QStringLiteral("failed")));
    const quint64 seed = options.forest.seed;
    const double failureRate = double(failures) / n;

    RiskModel model;
    model.windowDays = options.windowDays;
    model.trainedAt = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    model.settings = options.forest;
    if (model.settings.minSamplesPerLeaf <= 0)
        model.settings.minSamplesPerLeaf = automaticMinSamplesPerLeaf(n);

    // Every fold must hold a failure, so that every fold's training part has both classes.
    const int folds = std::min({options.cvFolds, failures, n - failures});
    const int cvTrees = std::max(1, std::min(options.cvTrees, options.forest.trees));
    SearchOptions search = options.search;
    search.folds = options.cvFolds;
    search.trees = options.cvTrees;
    const bool searching = options.searchSettings && folds >= 2;
    const int searchSteps = searching ? searchCandidateCount(n) : 0;
    // The chunk count of the final forest is only known after the search: count the most.
    const int chunkSize = std::max(1, options.forest.treesPerChunk);
    const int chunks = ((searching ? 2 : 1) * options.forest.trees + chunkSize - 1) / chunkSize;
    const int foldSteps = folds >= 2 ? folds : 0;
    const int totalSteps = searchSteps + foldSteps + 1 + chunks + 1;
    auto report = [&](int done, const QString &stage) {
        if (monitor.progress)
            monitor.progress(done, totalSteps, stage);
    };
    auto cancelled = [&] { return monitor.cancelled && monitor.cancelled(); };
    const Error cancelError = makeError(ErrorCode::Internal, QStringLiteral("training cancelled"));

    std::optional<CrossValidation> cv;
    if (searching) {
        report(0, QStringLiteral("settings search"));
        auto found = searchSettings(
            d, model.settings, search, [&](int done, int) { report(done, QStringLiteral("settings search")); },
            cancelled);
        if (!found)
            return cancelError;
        model.settings = found->chosen;
        model.search = std::move(found->report);
        cv = std::move(found->chosenCv);
    }
    if (foldSteps > 0 && !cv) {
        const auto parts = stratifiedFolds(d.labels, folds, seed);
        int done = 0;
        cv = crossValidate(d, parts, model.settings, samples.size(), cvTrees, [&] {
            report(searchSteps + done++, QStringLiteral("cross-validation"));
            return cancelled();
        });
        if (!cv)
            return cancelError;
    }
    if (cv) {
        model.cvFolds = folds;
        model.cvTrees = cvTrees;
        model.calibration = fitCalibration(cv->scores, cv->labels, failureRate);
        model.metrics = evaluateScores(cv->scores, cv->labels, failureRate, model.calibration);
    } else {
        model.metrics.failureRate = failureRate;
    }
    model.metrics.trainingSamples = n;

    if (cancelled())
        return cancelError;
    report(searchSteps + foldSteps, QStringLiteral("time split"));
    std::vector<int> byTime(samples.size());
    std::iota(byTime.begin(), byTime.end(), 0);
    std::stable_sort(byTime.begin(), byTime.end(),
                     [&](int a, int b) { return samples[a].deployedAt < samples[b].deployedAt; });
    const auto cut = static_cast<std::ptrdiff_t>(std::llround(n * 0.8));
    const std::vector<int> older(byTime.begin(), byTime.begin() + cut);
    const std::vector<int> newest(byTime.begin() + cut, byTime.end());
    if (!newest.empty() && hasBothClasses(d, older)) {
        auto forest = growForest(d, older, growFor(model.settings, cvTrees, older.size(), samples.size(), folds + 1));
        std::vector<double> scores;
        std::vector<bool> labels;
        for (int i : newest) {
            scores.push_back(forest->predict(d.x[i]));
            labels.push_back(d.labels[i]);
        }
        model.timeSplit = evaluateScores(scores, labels, failureRateOf(d, older), model.calibration);
        model.timeSplit->trainingSamples = static_cast<int>(older.size());
    }

    std::vector<int> all(samples.size());
    std::iota(all.begin(), all.end(), 0);
    const int firstChunkStep = searchSteps + foldSteps + 1;
    auto forest =
        growForest(d, all, growFor(model.settings, model.settings.trees, all.size(), all.size(), 0), [&](int c) {
            if (cancelled())
                return false;
            report(firstChunkStep + c, QStringLiteral("training"));
            return true;
        });
    if (!forest)
        return cancelError;
    model.forest = std::move(*forest);

    std::vector<int> shuffled = all;
    TrainingRng bgRng(seed + 17);
    bgRng.shuffle(shuffled);
    for (int i = 0; i < std::min<int>(options.backgroundSize, n); ++i)
        model.background.push_back(d.x[shuffled[i]]);
    model.baseValue = model.forest.meanPrediction(model.background);
    // The reference for drift: only rows whose features are computed as the recent cycles'
    // are (RiskMonitor), i.e. with the whole 7-day window recorded.
    std::vector<FeatureVector> fullWindow;
    for (std::size_t i = 0; i < samples.size(); ++i)
        if (samples[i].fullWindow)
            fullWindow.push_back(d.x[i]);
    model.trainingBins = binFeatures(fullWindow);

    if (cancelled())
        return cancelError;
    report(totalSteps - 1, QStringLiteral("importance"));
    // Held-out rows of the first fold with that fold's forest when there was a CV, else the
    // final forest on its own rows (tiny histories).
    std::vector<int> pool = cv ? cv->firstFoldRows : all;
    const TreeEnsemble &judged = cv ? cv->firstFoldForest : model.forest;
    TrainingRng impRng(seed + 29);
    impRng.shuffle(pool);
    pool.resize(std::min<std::size_t>(pool.size(), static_cast<std::size_t>(options.importanceMaxRows)));
    std::vector<FeatureVector> ix;
    std::vector<bool> iy;
    for (int i : pool) {
        ix.push_back(d.x[i]);
        iy.push_back(d.labels[i]);
    }
    model.importance = permutationImportance(judged, ix, iy, options);
    report(totalSteps, QStringLiteral("done"));
    return model;
}

}  // namespace atalaya

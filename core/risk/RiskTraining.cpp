#include "core/risk/RiskTraining.h"

#include "core/risk/DlibForest.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>
#include <random>

namespace atalaya {
namespace {

// std:: distributions differ between standard libraries; this keeps training bit-exact.
class Rng {
public:
    explicit Rng(quint64 seed) : m_engine(seed) { }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(((m_engine() >> 11) * 0x1.0p-53) * n); }
    template <typename T> void shuffle(std::vector<T> &v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 m_engine;
};

// `count` rows of `pool`: whole copies first, the remainder drawn without replacement.
void drawFrom(const std::vector<int> &pool, std::size_t count, Rng &rng, std::vector<int> &out)
{
    for (std::size_t c = 0; c < count / pool.size(); ++c)
        out.insert(out.end(), pool.begin(), pool.end());
    std::vector<int> rest = pool;
    const std::size_t remainder = count % pool.size();
    for (std::size_t i = 0; i < remainder; ++i)
        std::swap(rest[i], rest[i + rng.below(rest.size() - i)]);
    out.insert(out.end(), rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(remainder));
}

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
            Rng rng(options.forest.seed * 7919 + static_cast<quint64>(f) * 131 + static_cast<quint64>(r));
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
        Rng rng(seed + static_cast<quint64>(cls));
        rng.shuffle(idx);
        const auto held = static_cast<std::ptrdiff_t>(std::llround(idx.size() * 0.2));
        split.validation.insert(split.validation.end(), idx.begin(), idx.begin() + held);
        split.train.insert(split.train.end(), idx.begin() + held, idx.end());
    }
    return split;
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
        Rng rng(seed + 101 + static_cast<quint64>(cls));
        rng.shuffle(idx);
        for (int i : idx)
            out[next++ % out.size()].push_back(i);
    }
    for (auto &fold : out)
        std::sort(fold.begin(), fold.end());
    return out;
}

int automaticMinSamplesPerLeaf(int trainingRows)
{
    return std::clamp(trainingRows / 100, 5, 800);
}

std::optional<double> rocAuc(const std::vector<double> &scores, const std::vector<bool> &labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double positives = 0;
    double rankSum = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double rank = (i + 1 + j) / 2.0;  // ties share their average rank
        for (std::size_t k = i; k < j; ++k) {
            if (labels[order[k]]) {
                positives += 1;
                rankSum += rank;
            }
        }
        i = j;
    }
    const double negatives = static_cast<double>(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        return std::nullopt;
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate,
                           const Calibration &calibration)
{
    RiskMetrics m;
    m.failureRate = failureRate;
    m.validationSamples = static_cast<int>(scores.size());
    constexpr int kBins = 10;
    std::vector<double> predictedSum(kBins, 0.0), observedSum(kBins, 0.0);
    std::vector<int> counts(kBins, 0);
    double brier = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] > 0.5;  // sklearn's predict(): argmax, ties to "success"
        const bool actual = labels[i];
        m.tp += predicted && actual;
        m.fp += predicted && !actual;
        m.tn += !predicted && !actual;
        m.fn += !predicted && actual;
        const double p = calibration.probability(scores[i], failureRate);
        brier += (p - actual) * (p - actual);
        const int bin = std::min(kBins - 1, static_cast<int>(p * kBins));
        predictedSum[bin] += p;
        observedSum[bin] += actual;
        ++counts[bin];
    }
    const int n = m.validationSamples;
    if (n > 0) {
        m.accuracy = double(m.tp + m.tn) / n;
        m.brier = brier / n;
    }
    if (m.tp + m.fp > 0)
        m.precision = double(m.tp) / (m.tp + m.fp);
    if (m.tp + m.fn > 0)
        m.recall = double(m.tp) / (m.tp + m.fn);
    if (m.precision && m.recall)
        m.f1 = *m.precision + *m.recall > 0 ? 2 * *m.precision * *m.recall / (*m.precision + *m.recall) : 0.0;
    m.rocAuc = rocAuc(scores, labels);
    for (int b = 0; b < kBins; ++b) {
        ReliabilityBin bin{double(b) / kBins, double(b + 1) / kBins, counts[b], std::nullopt, std::nullopt};
        if (counts[b] > 0) {
            bin.meanPredicted = predictedSum[b] / counts[b];
            bin.observedRate = observedSum[b] / counts[b];
        }
        m.reliability.push_back(bin);
    }
    return m;
}

namespace {

struct Data {
    std::vector<FeatureVector> x;
    std::vector<bool> labels;
};

struct Grow {
    int trees = 0;
    int minSamplesPerLeaf = 0;
    double featureFraction = 1.0 / 3.0;
    int treesPerChunk = 10;
    quint64 seed = 42;
    quint64 stream = 0;  // 0 for the final forest, one per fold / split otherwise
};

// Each chunk of trees sees its own class-balanced resample of `rows` (the seed's class_weight
// "balanced" for a learner without weights), so all majority rows get used. `beforeChunk`
// returns false to stop (cancellation).
std::optional<TreeEnsemble> growForest(const Data &d, const std::vector<int> &rows, const Grow &g,
                                       const std::function<bool(int)> &beforeChunk)
{
    std::vector<int> pools[2];
    for (int i : rows)
        pools[d.labels[i] ? 1 : 0].push_back(i);
    TreeEnsemble forest;
    const int chunkSize = std::max(1, g.treesPerChunk);
    const int chunks = (g.trees + chunkSize - 1) / chunkSize;
    for (int c = 0; c < chunks; ++c) {
        if (beforeChunk && !beforeChunk(c))
            return std::nullopt;
        Rng rng(g.seed * 1000003 + g.stream * 7919 + static_cast<quint64>(c));
        std::vector<int> sample;
        sample.reserve(rows.size());
        drawFrom(pools[1], rows.size() / 2, rng, sample);
        drawFrom(pools[0], rows.size() - rows.size() / 2, rng, sample);
        std::vector<FeatureVector> cx;
        std::vector<double> cy;
        cx.reserve(sample.size());
        cy.reserve(sample.size());
        for (int i : sample) {
            cx.push_back(d.x[i]);
            cy.push_back(d.labels[i] ? 1.0 : 0.0);
        }
        ForestChunkParams params;
        params.trees = std::min(chunkSize, g.trees - c * chunkSize);
        params.featureFraction = g.featureFraction;
        params.minSamplesPerLeaf = g.minSamplesPerLeaf;
        params.seed = std::to_string(g.seed) + "/" + std::to_string(c)
            + (g.stream ? "/" + std::to_string(g.stream) : std::string());
        TreeEnsemble part = trainForestChunk(cx, cy, params);
        std::move(part.trees.begin(), part.trees.end(), std::back_inserter(forest.trees));
    }
    return forest;
}

Grow estimateGrow(const ForestSettings &s, int cvTrees, std::size_t rows, quint64 stream)
{
    Grow g;
    g.trees = std::max(1, std::min(cvTrees, s.trees));
    g.treesPerChunk = g.trees;
    g.featureFraction = s.featureFraction;
    g.minSamplesPerLeaf = s.minSamplesPerLeaf > 0 ? s.minSamplesPerLeaf
                                                  : automaticMinSamplesPerLeaf(static_cast<int>(rows));
    g.seed = s.seed;
    g.stream = stream;
    return g;
}

std::vector<int> complementOf(const std::vector<int> &sortedRows, std::size_t n)
{
    std::vector<int> out;
    out.reserve(n - sortedRows.size());
    std::size_t k = 0;
    for (int i = 0; i < static_cast<int>(n); ++i) {
        if (k < sortedRows.size() && sortedRows[k] == i)
            ++k;
        else
            out.push_back(i);
    }
    return out;
}

bool hasBothClasses(const Data &d, const std::vector<int> &rows)
{
    bool seen[2] = {false, false};
    for (int i : rows)
        seen[d.labels[i] ? 1 : 0] = true;
    return seen[0] && seen[1];
}

double failureRateOf(const Data &d, const std::vector<int> &rows)
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
    Data d;
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
    const int chunkSize = std::max(1, model.settings.treesPerChunk);
    const int chunks = (model.settings.trees + chunkSize - 1) / chunkSize;
    const int foldSteps = folds >= 2 ? folds : 0;
    const int totalSteps = foldSteps + 1 + chunks + 1;
    auto report = [&](int done, const QString &stage) {
        if (monitor.progress)
            monitor.progress(done, totalSteps, stage);
    };
    auto cancelled = [&] { return monitor.cancelled && monitor.cancelled(); };
    const Error cancelError = makeError(ErrorCode::Internal, QStringLiteral("training cancelled"));

    std::vector<int> importanceRows;
    std::optional<TreeEnsemble> importanceForest;
    if (foldSteps > 0) {
        const auto parts = stratifiedFolds(d.labels, folds, seed);
        std::vector<double> oof(samples.size(), 0.0);
        for (int f = 0; f < folds; ++f) {
            if (cancelled())
                return cancelError;
            report(f, QStringLiteral("cross-validation"));
            const std::vector<int> train = complementOf(parts[f], samples.size());
            auto forest = growForest(d, train, estimateGrow(model.settings, options.cvTrees, train.size(), f + 1), {});
            for (int i : parts[f])
                oof[i] = forest->predict(d.x[i]);
            if (f == 0) {
                importanceRows = parts[f];
                importanceForest = std::move(forest);
            }
        }
        model.cvFolds = folds;
        model.cvTrees = std::max(1, std::min(options.cvTrees, model.settings.trees));
        model.calibration = fitCalibration(oof, d.labels, failureRate);
        model.metrics = evaluateScores(oof, d.labels, failureRate, model.calibration);
    } else {
        model.metrics.failureRate = failureRate;
    }
    model.metrics.trainingSamples = n;

    if (cancelled())
        return cancelError;
    report(foldSteps, QStringLiteral("time split"));
    std::vector<int> byTime(samples.size());
    std::iota(byTime.begin(), byTime.end(), 0);
    std::stable_sort(byTime.begin(), byTime.end(),
                     [&](int a, int b) { return samples[a].deployedAt < samples[b].deployedAt; });
    const auto cut = static_cast<std::ptrdiff_t>(std::llround(n * 0.8));
    const std::vector<int> older(byTime.begin(), byTime.begin() + cut);
    const std::vector<int> newest(byTime.begin() + cut, byTime.end());
    if (!newest.empty() && hasBothClasses(d, older)) {
        auto forest = growForest(d, older, estimateGrow(model.settings, options.cvTrees, older.size(), folds + 1), {});
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
    Grow final;
    final.trees = model.settings.trees;
    final.treesPerChunk = chunkSize;
    final.featureFraction = model.settings.featureFraction;
    final.minSamplesPerLeaf = model.settings.minSamplesPerLeaf;
    final.seed = seed;
    auto forest = growForest(d, all, final, [&](int c) {
        if (cancelled())
            return false;
        report(foldSteps + 1 + c, QStringLiteral("training"));
        return true;
    });
    if (!forest)
        return cancelError;
    model.forest = std::move(*forest);

    std::vector<int> shuffled = all;
    Rng bgRng(seed + 17);
    bgRng.shuffle(shuffled);
    for (int i = 0; i < std::min<int>(options.backgroundSize, n); ++i)
        model.background.push_back(d.x[shuffled[i]]);
    model.baseValue = model.forest.meanPrediction(model.background);

    if (cancelled())
        return cancelError;
    report(foldSteps + 1 + chunks, QStringLiteral("importance"));
    // Held-out rows of the first fold with that fold's forest when there was a CV, else the
    // final forest on its own rows (tiny histories).
    std::vector<int> pool = importanceForest ? importanceRows : all;
    const TreeEnsemble &judged = importanceForest ? *importanceForest : model.forest;
    Rng impRng(seed + 29);
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

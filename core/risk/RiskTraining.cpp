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

RiskMetrics evaluateScores(const std::vector<double> &scores, const std::vector<bool> &labels, double failureRate)
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
        const double p = priorCorrected(scores[i], failureRate);
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
    std::vector<bool> labels(samples.size());
    std::vector<FeatureVector> x(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        labels[i] = samples[i].failed;
        x[i] = normalizeFeatures(samples[i].raw);
    }
    const quint64 seed = options.forest.seed;
    const Split split = stratifiedSplit(labels, seed);
    std::vector<int> pools[2];
    for (int i : split.train)
        pools[labels[i] ? 1 : 0].push_back(i);
    if (pools[0].empty() || pools[1].empty())
        return makeError(ErrorCode::NoModel,
                         QStringLiteral("the training cycles are all %1; the model needs both failed and "
                                        "successful deployments")
                             .arg(pools[1].empty() ? QStringLiteral("successful") : QStringLiteral("failed")));

    RiskModel model;
    model.windowDays = options.windowDays;
    model.trainedAt = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    model.settings = options.forest;
    const int trainRows = static_cast<int>(split.train.size());
    if (model.settings.minSamplesPerLeaf <= 0)
        model.settings.minSamplesPerLeaf = automaticMinSamplesPerLeaf(trainRows);
    const double failureRate = double(pools[1].size()) / trainRows;

    const int chunkSize = std::max(1, model.settings.treesPerChunk);
    const int chunks = (model.settings.trees + chunkSize - 1) / chunkSize;
    const int totalSteps = chunks + 2;
    auto report = [&](int done, const QString &stage) {
        if (monitor.progress)
            monitor.progress(done, totalSteps, stage);
    };
    auto cancelled = [&] { return monitor.cancelled && monitor.cancelled(); };
    const Error cancelError = makeError(ErrorCode::Internal, QStringLiteral("training cancelled"));

    // Each chunk of trees sees its own class-balanced resample (the seed's class_weight
    // "balanced" for a learner without weights), so all majority rows get used.
    for (int c = 0; c < chunks; ++c) {
        if (cancelled())
            return cancelError;
        report(c, QStringLiteral("training"));
        Rng rng(seed * 1000003 + static_cast<quint64>(c));
        std::vector<int> rows;
        rows.reserve(split.train.size());
        drawFrom(pools[1], split.train.size() / 2, rng, rows);
        drawFrom(pools[0], split.train.size() - split.train.size() / 2, rng, rows);
        std::vector<FeatureVector> cx;
        std::vector<double> cy;
        cx.reserve(rows.size());
        cy.reserve(rows.size());
        for (int i : rows) {
            cx.push_back(x[i]);
            cy.push_back(labels[i] ? 1.0 : 0.0);
        }
        ForestChunkParams params;
        params.trees = std::min(chunkSize, model.settings.trees - c * chunkSize);
        params.featureFraction = model.settings.featureFraction;
        params.minSamplesPerLeaf = model.settings.minSamplesPerLeaf;
        params.seed = std::to_string(seed) + "/" + std::to_string(c);
        TreeEnsemble part = trainForestChunk(cx, cy, params);
        std::move(part.trees.begin(), part.trees.end(), std::back_inserter(model.forest.trees));
    }
    if (cancelled())
        return cancelError;
    report(chunks, QStringLiteral("evaluating"));

    std::vector<FeatureVector> vx;
    std::vector<bool> vy;
    for (int i : split.validation) {
        vx.push_back(x[i]);
        vy.push_back(labels[i]);
    }
    model.metrics = evaluateScores(scoresOf(model.forest, vx), vy, failureRate);
    model.metrics.trainingSamples = trainRows;

    std::vector<int> shuffled = split.train;
    Rng bgRng(seed + 17);
    bgRng.shuffle(shuffled);
    for (int i = 0; i < std::min<int>(options.backgroundSize, trainRows); ++i)
        model.background.push_back(x[shuffled[i]]);
    model.baseValue = model.forest.meanPrediction(model.background);

    if (cancelled())
        return cancelError;
    report(chunks + 1, QStringLiteral("importance"));
    // Validation rows when both classes are there, else the training rows (tiny histories).
    const bool validationUsable = model.metrics.rocAuc.has_value();
    std::vector<int> pool = validationUsable ? split.validation : split.train;
    Rng impRng(seed + 29);
    impRng.shuffle(pool);
    pool.resize(std::min<std::size_t>(pool.size(), static_cast<std::size_t>(options.importanceMaxRows)));
    std::vector<FeatureVector> ix;
    std::vector<bool> iy;
    for (int i : pool) {
        ix.push_back(x[i]);
        iy.push_back(labels[i]);
    }
    model.importance = permutationImportance(model.forest, ix, iy, options);
    report(totalSteps, QStringLiteral("done"));
    return model;
}

}  // namespace atalaya

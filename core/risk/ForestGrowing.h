#pragma once

#include "core/risk/RiskModel.h"

#include <functional>
#include <optional>
#include <random>

namespace atalaya {

// std:: distributions differ between standard libraries; this keeps training bit-exact.
class TrainingRng {
public:
    explicit TrainingRng(quint64 seed) : m_engine(seed) { }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(((m_engine() >> 11) * 0x1.0p-53) * n); }
    template <typename T> void shuffle(std::vector<T> &v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 m_engine;
};

struct TrainingData {
    std::vector<FeatureVector> x;  // normalised
    std::vector<bool> labels;
};

// One forest to grow on some rows of TrainingData.
struct Grow {
    int trees = 0;
    int minSamplesPerLeaf = 5;
    double featureFraction = 1.0 / 3.0;
    Resampling resampling = Resampling::OversampleFailures;
    int treesPerChunk = 10;  // between two calls of beforeChunk
    quint64 seed = 42;
    quint64 stream = 0;  // 0 for the final forest, one per fold / split otherwise
};

// The grow settings for `rows` training rows: min_samples_per_leaf scaled from the `settings`
// chosen for `fullRows` (a fold sees fewer rows than the final forest, so proportionally
// smaller leaves keep the same tree shape).
Grow growFor(const ForestSettings &settings, int trees, std::size_t rows, std::size_t fullRows, quint64 stream);

// Every pair of trees sees its own class-balanced resample of `rows` (the seed's class_weight
// "balanced" for a learner without weights), drawn as settings.resampling says. `beforeChunk`
// (chunk index) returns false to stop (cancellation); then the result is empty.
std::optional<TreeEnsemble> growForest(const TrainingData &d, const std::vector<int> &rows, const Grow &g,
                                       const std::function<bool(int)> &beforeChunk = {});

// The indexes 0..n−1 not in `sortedRows`.
std::vector<int> complementOf(const std::vector<int> &sortedRows, std::size_t n);

}  // namespace atalaya

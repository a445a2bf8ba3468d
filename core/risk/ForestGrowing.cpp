#include "core/risk/ForestGrowing.h"

#include "core/risk/DlibForest.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

constexpr int kTreesPerResample = 2;  // one per core, each pair on fresh rows

// `count` rows of `pool`: whole copies first, the remainder drawn without replacement.
void drawFrom(const std::vector<int> &pool, std::size_t count, TrainingRng &rng, std::vector<int> &out)
{
    for (std::size_t c = 0; c < count / pool.size(); ++c)
        out.insert(out.end(), pool.begin(), pool.end());
    std::vector<int> rest = pool;
    const std::size_t remainder = count % pool.size();
    for (std::size_t i = 0; i < remainder; ++i)
        std::swap(rest[i], rest[i + rng.below(rest.size() - i)]);
    out.insert(out.end(), rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(remainder));
}

// Oversampling keeps the resample at the size of `rows`, half of it failures (repeated);
// undersampling takes every row of the smaller class once and as many of the larger one.
std::vector<int> balancedResample(const std::vector<int> (&pools)[2], Resampling how, TrainingRng &rng)
{
    std::vector<int> sample;
    const std::size_t rows = pools[0].size() + pools[1].size();
    if (how == Resampling::OversampleFailures) {
        sample.reserve(rows);
        drawFrom(pools[1], rows / 2, rng, sample);
        drawFrom(pools[0], rows - rows / 2, rng, sample);
    } else {
        const std::size_t each = std::min(pools[0].size(), pools[1].size());
        sample.reserve(2 * each);
        drawFrom(pools[1], each, rng, sample);
        drawFrom(pools[0], each, rng, sample);
    }
    return sample;
}

}  // namespace

Grow growFor(const ForestSettings &settings, int trees, std::size_t rows, std::size_t fullRows, quint64 stream)
{
    Grow g;
    g.trees = std::max(1, trees);
    g.featureFraction = settings.featureFraction;
    g.resampling = settings.resampling;
    const double scale = fullRows > 0 ? double(rows) / double(fullRows) : 1.0;
    g.minSamplesPerLeaf = std::max(1, static_cast<int>(std::lround(settings.minSamplesPerLeaf * scale)));
    g.treesPerChunk = settings.treesPerChunk;
    g.seed = settings.seed;
    g.stream = stream;
    return g;
}

std::optional<TreeEnsemble> growForest(const TrainingData &d, const std::vector<int> &rows, const Grow &g,
                                       const std::function<bool(int)> &beforeChunk)
{
    std::vector<int> pools[2];
    for (int i : rows)
        pools[d.labels[i] ? 1 : 0].push_back(i);
    TreeEnsemble forest;
    const int chunkSize = std::max(1, g.treesPerChunk);
    for (int grown = 0, resample = 0; grown < g.trees; ++resample) {
        if (grown % chunkSize == 0 && beforeChunk && !beforeChunk(grown / chunkSize))
            return std::nullopt;
        TrainingRng rng(g.seed * 1000003 + g.stream * 7919 + static_cast<quint64>(resample));
        const std::vector<int> sample = balancedResample(pools, g.resampling, rng);
        std::vector<FeatureVector> cx;
        std::vector<double> cy;
        cx.reserve(sample.size());
        cy.reserve(sample.size());
        for (int i : sample) {
            cx.push_back(d.x[i]);
            cy.push_back(d.labels[i] ? 1.0 : 0.0);
        }
        ForestChunkParams params;
        // Never across a chunk boundary, so cancellation points stay where they were.
        params.trees = std::min({kTreesPerResample, g.trees - grown, chunkSize - grown % chunkSize});
        params.featureFraction = g.featureFraction;
        params.minSamplesPerLeaf = g.minSamplesPerLeaf;
        params.seed = std::to_string(g.seed) + "/" + std::to_string(resample)
            + (g.stream ? "/" + std::to_string(g.stream) : std::string());
        TreeEnsemble part = trainForestChunk(cx, cy, params);
        std::move(part.trees.begin(), part.trees.end(), std::back_inserter(forest.trees));
        grown += params.trees;
    }
    return forest;
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

}  // namespace atalaya

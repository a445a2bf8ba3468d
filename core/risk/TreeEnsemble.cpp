#include "core/risk/TreeEnsemble.h"

namespace atalaya {
namespace {

// coef[a][b] = (a−1)!·b!/(a+b)! for a ≥ 1: the Shapley weight of one feature of A at a leaf.
struct ShapleyWeights {
    double coef[kRiskFeatureCount + 1][kRiskFeatureCount + 1] = {};
    ShapleyWeights()
    {
        double fact[2 * kRiskFeatureCount + 1];
        fact[0] = 1.0;
        for (int i = 1; i <= 2 * kRiskFeatureCount; ++i)
            fact[i] = fact[i - 1] * i;
        for (int a = 1; a <= kRiskFeatureCount; ++a)
            for (int b = 0; b + a <= kRiskFeatureCount; ++b)
                coef[a][b] = fact[a - 1] * fact[b] / fact[a + b];
    }
};

const ShapleyWeights &weights()
{
    static const ShapleyWeights w;
    return w;
}

enum Origin : unsigned char { Both = 0, FromX = 1, FromZ = 2 };

// Σ over the leaves of a subtree of the per-feature weights v·coef[a][b] (for features taken
// from x) and v·coef[b][a] (from z). A feature's contribution is added once, at the node
// where x and z part on it, from the sums of its two branches — no per-leaf feature loop.
struct Sums {
    double fromX = 0;
    double fromZ = 0;
};

struct Walk {
    const Tree &tree;
    const FeatureVector &x;
    const FeatureVector &z;
    Contributions &phi;
    Origin origin[kRiskFeatureCount] = {};

    Sums visit(std::uint32_t idx, int a, int b)
    {
        const std::uint32_t n = static_cast<std::uint32_t>(tree.nodes.size());
        while (idx < n) {
            const TreeNode &node = tree.nodes[idx];
            const std::uint32_t f = node.feature;
            const double t = node.threshold;
            const bool xLeft = x[f] < t;
            const bool zLeft = z[f] < t;
            if (origin[f] == FromZ) {
                idx = zLeft ? node.left : node.right;
            } else if (origin[f] == FromX || xLeft == zLeft) {
                idx = xLeft ? node.left : node.right;
            } else {
                origin[f] = FromX;
                const Sums viaX = visit(xLeft ? node.left : node.right, a + 1, b);
                origin[f] = FromZ;
                const Sums viaZ = visit(zLeft ? node.left : node.right, a, b + 1);
                origin[f] = Both;
                phi[f] += viaX.fromX - viaZ.fromZ;
                return {viaX.fromX + viaZ.fromX, viaX.fromZ + viaZ.fromZ};
            }
        }
        if (a == 0 && b == 0)
            return {};
        const double v = tree.leaves[idx - n];
        return {a > 0 ? v * weights().coef[a][b] : 0.0, b > 0 ? v * weights().coef[b][a] : 0.0};
    }
};

}  // namespace

double TreeEnsemble::predict(const FeatureVector &x) const
{
    double accum = 0;
    for (const Tree &tree : trees) {
        const std::uint32_t n = static_cast<std::uint32_t>(tree.nodes.size());
        std::uint32_t idx = 0;
        while (idx < n) {
            const TreeNode &node = tree.nodes[idx];
            idx = x[node.feature] < node.threshold ? node.left : node.right;
        }
        accum += tree.leaves[idx - n];
    }
    return accum / trees.size();
}

double TreeEnsemble::meanPrediction(const std::vector<FeatureVector> &background) const
{
    double sum = 0;
    for (const FeatureVector &z : background)
        sum += predict(z);
    return background.empty() ? 0.0 : sum / background.size();
}

Contributions TreeEnsemble::shapley(const FeatureVector &x, const std::vector<FeatureVector> &background) const
{
    Contributions phi{};
    if (trees.empty() || background.empty())
        return phi;
    for (const Tree &tree : trees) {
        for (const FeatureVector &z : background) {
            Walk walk{tree, x, z, phi};
            walk.visit(0, 0, 0);
        }
    }
    const double scale = 1.0 / (static_cast<double>(trees.size()) * background.size());
    for (double &p : phi)
        p *= scale;
    return phi;
}

Contributions TreeEnsemble::shapleyBruteForce(const FeatureVector &x,
                                              const std::vector<FeatureVector> &background) const
{
    constexpr int n = kRiskFeatureCount;
    constexpr int coalitions = 1 << n;
    std::vector<double> value(coalitions, 0.0);
    for (int s = 0; s < coalitions; ++s) {
        double sum = 0;
        for (const FeatureVector &z : background) {
            FeatureVector h = z;
            for (int f = 0; f < n; ++f)
                if (s & (1 << f))
                    h[f] = x[f];
            sum += predict(h);
        }
        value[s] = sum / background.size();
    }
    double fact[n + 1];
    fact[0] = 1;
    for (int i = 1; i <= n; ++i)
        fact[i] = fact[i - 1] * i;
    Contributions phi{};
    for (int f = 0; f < n; ++f) {
        for (int s = 0; s < coalitions; ++s) {
            if (s & (1 << f))
                continue;
            const int size = __builtin_popcount(static_cast<unsigned>(s));
            phi[f] += fact[size] * fact[n - size - 1] / fact[n] * (value[s | (1 << f)] - value[s]);
        }
    }
    return phi;
}

std::size_t TreeEnsemble::nodeCount() const
{
    std::size_t n = 0;
    for (const Tree &t : trees)
        n += t.nodes.size();
    return n;
}

std::size_t TreeEnsemble::leafCount() const
{
    std::size_t n = 0;
    for (const Tree &t : trees)
        n += t.leaves.size();
    return n;
}

}  // namespace atalaya

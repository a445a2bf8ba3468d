#pragma once

#include "core/risk/RiskFeatures.h"

#include <cstdint>
#include <vector>

namespace atalaya {

// dlib's regression forest in plain arrays, with dlib's conventions kept exactly: an index
// below nodes.size() is an internal node, anything else the leaf (index − nodes.size()); a
// sample goes left when value < threshold (double against the float threshold), and the
// forest's output is the double sum of the float leaves divided by the number of trees. So
// predict() returns dlib's value bit for bit, and the explainer can walk the structure.
struct TreeNode {
    std::uint32_t left = 0;
    std::uint32_t right = 0;
    float threshold = 0.0f;
    std::uint32_t feature = 0;
};

struct Tree {
    std::vector<TreeNode> nodes;
    std::vector<float> leaves;
};

using Contributions = std::array<double, kRiskFeatureCount>;

class TreeEnsemble {
public:
    std::vector<Tree> trees;

    bool empty() const { return trees.empty(); }
    // x: the 10 normalised features.
    double predict(const FeatureVector &x) const;
    double meanPrediction(const std::vector<FeatureVector> &background) const;

    // Exact interventional Shapley values of predict() at x against the background rows
    // (Lundberg et al. 2020, "Independent TreeSHAP"): for each tree and background row z the
    // tree is walked once, following x and z together while they agree and splitting the walk
    // where they part; a leaf reached with features A taken from x and B from z adds
    // v·(|A|−1)!|B|!/(|A|+|B|)! to each feature of A and subtracts v·|A|!(|B|−1)!/(|A|+|B|)!
    // from each of B. Σ result == predict(x) − meanPrediction(background).
    Contributions shapley(const FeatureVector &x, const std::vector<FeatureVector> &background) const;
    // The definition itself, over all 2^10 coalitions; for tests on small forests.
    Contributions shapleyBruteForce(const FeatureVector &x, const std::vector<FeatureVector> &background) const;

    std::size_t nodeCount() const;
    std::size_t leafCount() const;
};

}  // namespace atalaya

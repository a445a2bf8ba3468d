#include "core/risk/DlibForest.h"

#include <dlib/random_forest.h>
#include <dlib/revision.h>

#include <sstream>

namespace atalaya {
namespace {

using Extractor = dlib::dense_feature_extractor;
using Forest = dlib::random_forest_regression_function<Extractor>;
using Sample = Extractor::sample_type;

Sample toSample(const FeatureVector &x)
{
    Sample s(kRiskFeatureCount);
    for (int i = 0; i < kRiskFeatureCount; ++i)
        s(i) = x[i];
    return s;
}

TreeEnsemble fromDlib(const Forest &forest)
{
    TreeEnsemble e;
    const auto &nodes = forest.get_internal_tree_nodes();
    const auto &leaves = forest.get_tree_leaves();
    e.trees.resize(nodes.size());
    for (std::size_t t = 0; t < nodes.size(); ++t) {
        Tree &tree = e.trees[t];
        tree.nodes.reserve(nodes[t].size());
        for (const auto &n : nodes[t])
            tree.nodes.push_back({n.left, n.right, n.split_threshold, n.split_feature});
        tree.leaves = leaves[t];
    }
    return e;
}

Forest toDlib(const TreeEnsemble &e)
{
    // dense_feature_extractor learns its dimensionality from setup() only.
    Extractor fe;
    fe.setup({toSample(FeatureVector{})}, {0.0});
    std::vector<std::vector<dlib::internal_tree_node<Extractor>>> trees(e.trees.size());
    std::vector<std::vector<float>> leaves(e.trees.size());
    for (std::size_t t = 0; t < e.trees.size(); ++t) {
        for (const TreeNode &n : e.trees[t].nodes)
            trees[t].push_back({n.left, n.right, n.threshold, n.feature});
        leaves[t] = e.trees[t].leaves;
    }
    return Forest(std::move(fe), std::move(trees), std::move(leaves));
}

Result<Forest> parse(const QByteArray &bytes)
{
    Forest forest;
    try {
        std::istringstream in(bytes.toStdString());
        deserialize(forest, in);  // the friend overloads are found by ADL only
    } catch (const std::exception &e) {
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("not a dlib random forest (%1)").arg(QString::fromLocal8Bit(e.what()).simplified()));
    }
    return forest;
}

}  // namespace

TreeEnsemble trainForestChunk(const std::vector<FeatureVector> &x, const std::vector<double> &y,
                              const ForestChunkParams &params)
{
    std::vector<Sample> samples;
    samples.reserve(x.size());
    for (const FeatureVector &row : x)
        samples.push_back(toSample(row));
    dlib::random_forest_regression_trainer<Extractor> trainer;
    trainer.set_num_trees(static_cast<std::size_t>(params.trees));
    trainer.set_feature_subsampling_fraction(params.featureFraction);
    trainer.set_min_samples_per_leaf(static_cast<std::size_t>(params.minSamplesPerLeaf));
    trainer.set_seed(params.seed);
    return fromDlib(trainer.train(samples, y));
}

QByteArray serializeForest(const TreeEnsemble &forest)
{
    std::ostringstream out;
    const Forest f = toDlib(forest);
    serialize(f, out);
    const std::string s = out.str();
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

Result<TreeEnsemble> deserializeForest(const QByteArray &bytes)
{
    auto forest = parse(bytes);
    if (!forest)
        return forest.error();
    if (forest->get_feature_extractor().max_num_feats() != kRiskFeatureCount || forest->get_num_trees() == 0)
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("the forest is not a deployment-risk model (expected %1 features)").arg(kRiskFeatureCount));
    TreeEnsemble e = fromDlib(*forest);
    for (const Tree &t : e.trees) {
        const std::size_t limit = t.nodes.size() + t.leaves.size();
        bool broken = t.leaves.empty();
        // dlib appends children after their parent; anything else could loop forever.
        for (std::size_t i = 0; i < t.nodes.size() && !broken; ++i) {
            const TreeNode &n = t.nodes[i];
            broken =
                n.left >= limit || n.right >= limit || n.left <= i || n.right <= i || n.feature >= kRiskFeatureCount;
        }
        if (broken)
            return makeError(ErrorCode::Usage, QStringLiteral("the forest's trees are inconsistent (corrupted model)"));
    }
    return e;
}

double dlibPredict(const QByteArray &serialized, const FeatureVector &x)
{
    auto forest = parse(serialized);
    return forest ? (*forest)(toSample(x)) : std::numeric_limits<double>::quiet_NaN();
}

QString dlibVersion()
{
    return QStringLiteral("%1.%2.%3").arg(DLIB_MAJOR_VERSION).arg(DLIB_MINOR_VERSION).arg(DLIB_PATCH_VERSION);
}

}  // namespace atalaya

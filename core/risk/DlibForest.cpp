#include "core/risk/DlibForest.h"

#include <dlib/random_forest.h>
#include <dlib/revision.h>

#include <cstring>
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

// dlib reads each length and allocates that much before it reads what the length counts, so
// one corrupted length (0x65736e656418 characters, found by tests/fuzz/fuzz_modelfile) asks for
// terabytes, or for a few gigabytes that are then zero-filled. This walks the layout
// serializeForest() writes, without allocating, and refuses a length above the bytes left: then
// dlib's allocations stay within a small multiple of the input's size.
class Layout {
public:
    explicit Layout(const QByteArray &bytes)
        : m_at(reinterpret_cast<const unsigned char *>(bytes.constData())), m_end(m_at + bytes.size())
    {
    }

    bool isForest()
    {
        quint64 features = 0;
        quint64 trees = 0;
        if (!text("random_forest_regression_function") || !text("dense_feature_extractor") || !integer(features)
            || !length(trees))
            return false;
        for (quint64 t = 0; t < trees; ++t) {
            quint64 nodes = 0;
            if (!length(nodes))
                return false;
            for (quint64 n = 0; n < nodes; ++n) {
                quint64 left = 0, right = 0, feature = 0;
                if (!integer(left) || !integer(right) || !floating() || !integer(feature))
                    return false;
            }
        }
        quint64 leafTrees = 0;
        if (!length(leafTrees) || leafTrees != trees)
            return false;
        for (quint64 t = 0; t < leafTrees; ++t) {
            quint64 leaves = 0;
            if (!length(leaves))
                return false;
            for (quint64 l = 0; l < leaves; ++l) {
                if (!floating())
                    return false;
            }
        }
        return m_at == m_end;
    }

private:
    // dlib's integers: a control byte (byte count in the low 4 bits, 0x80 for negative) and
    // that many little-endian bytes.
    bool integer(quint64 &value)
    {
        if (m_at == m_end)
            return false;
        const int size = *m_at++ & 0x0F;
        if (size == 0 || size > 8 || m_end - m_at < size)
            return false;
        value = 0;
        for (int i = size - 1; i >= 0; --i)
            value = (value << 8) | m_at[i];
        m_at += size;
        return true;
    }
    // Each counted item takes at least one byte.
    bool length(quint64 &n) { return integer(n) && n <= static_cast<quint64>(m_end - m_at); }
    bool text(const char *expected)
    {
        quint64 n = 0;
        const auto size = static_cast<quint64>(std::strlen(expected));
        if (!length(n) || n != size || std::memcmp(m_at, expected, size) != 0)
            return false;
        m_at += size;
        return true;
    }
    // The binary form (mantissa and exponent); the old text form is never written.
    bool floating()
    {
        quint64 mantissa = 0, exponent = 0;
        return m_at != m_end && (*m_at & 0x70) == 0 && integer(mantissa) && integer(exponent);
    }

    const unsigned char *m_at;
    const unsigned char *const m_end;
};

Result<Forest> parse(const QByteArray &bytes)
{
    if (!Layout(bytes).isForest())
        return makeError(ErrorCode::Usage,
                         QStringLiteral("not a dlib random forest (its layout is broken or a length is corrupted)"));
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
        // A leaf is the mean of 0/1 labels: anything else would be a risk score outside 0–1.
        bool broken = t.leaves.empty()
            || std::any_of(t.leaves.begin(), t.leaves.end(), [](float v) { return !(v >= 0.0f && v <= 1.0f); });
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

#pragma once

#include "core/common/Result.h"
#include "core/risk/TreeEnsemble.h"

#include <QByteArray>

#include <string>

namespace atalaya {

// The only door to dlib (its headers cost ~2 s per translation unit, docs/DEVELOPMENT.md §Platform facts).
struct ForestChunkParams {
    int trees = 10;
    double featureFraction = 1.0 / 3.0;
    int minSamplesPerLeaf = 5;
    std::string seed = "42";
};

// dlib::random_forest_regression_trainer<dense_feature_extractor> on normalised rows and
// 0/1 labels. dlib seeds each tree with seed + its index and trains trees on all cores into
// their own slots, so the result does not depend on the thread count.
TreeEnsemble trainForestChunk(const std::vector<FeatureVector> &x, const std::vector<double> &y,
                              const ForestChunkParams &params);

// dlib's own serialisation of random_forest_regression_function (what the database keeps).
QByteArray serializeForest(const TreeEnsemble &forest);
// Refuses bytes that are not a dlib forest over our 10 features, or whose node indexes
// point outside their tree.
Result<TreeEnsemble> deserializeForest(const QByteArray &bytes);
// dlib's own operator() on the deserialised forest; tests compare predict() with it.
double dlibPredict(const QByteArray &serialized, const FeatureVector &x);
// The dlib this build was compiled against, "19.24.0" (Help → About).
QString dlibVersion();

}  // namespace atalaya

// libFuzzer target for `risk import FILE` (docs/RISK_MODEL.md §Versions): a foreign, truncated
// or corrupted model file is refused, never crashed on, and a file that is accepted gives
// risk scores and failure probabilities between 0 and 1 (docs/RELIABILITY.md §Bad input gets a
// clear error).
//
// The checksums would stop almost every mutation at the door, so one byte picks the shape:
//   0: the bytes are the file, as read;
//   1: metadata JSON, a NUL byte, dlib's bytes: made into a file with correct checksums, so
//      the metadata reader and the forest reader behind them are reached;
//   2: dlib's bytes alone, for the forest reader.
#include "tests/fuzz/FuzzCheck.h"
#include "core/risk/DlibForest.h"
#include "core/risk/RiskModelFile.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <cmath>
#include <cstdint>

using namespace atalaya;

namespace {

bool unit(double x)
{
    return std::isfinite(x) && x >= 0.0 && x <= 1.0;
}

QByteArray withChecksums(const QByteArray &metadata, const QByteArray &forest)
{
    const QJsonObject header{{QStringLiteral("metadata"), QJsonDocument::fromJson(metadata).object()},
                             {QStringLiteral("model_bytes"), forest.size()},
                             {QStringLiteral("model_sha256"), modelSha256(forest)}};
    const QByteArray headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    return QByteArrayLiteral("ATALAYA-RISK-MODEL/1\n") + modelSha256(headerLine).toLatin1() + '\n' + headerLine
        + forest;
}

void checkForest(const TreeEnsemble &forest)
{
    FUZZ_CHECK(!forest.empty());
    // Each leaf is the mean of 0/1 labels; the average over trees would hide one that is not.
    for (const Tree &t : forest.trees) {
        for (float leaf : t.leaves)
            FUZZ_CHECK(unit(leaf));
    }
    FeatureVector x{};
    for (double v : {0.0, 0.25, 0.5, 1.0}) {
        x.fill(v);
        FUZZ_CHECK(unit(forest.predict(x)));
    }
}

void checkModel(const RiskModel &model)
{
    checkForest(model.forest);
    FUZZ_CHECK(!model.background.empty());
    FUZZ_CHECK(unit(model.baseValue));
    // π of the prior correction; Platt's sigmoid would hide a value outside 0–1.
    FUZZ_CHECK(unit(model.metrics.failureRate));
    for (const FeatureVector &row : model.background) {
        const double score = model.riskScore(row);
        FUZZ_CHECK(unit(score) && unit(model.failureProbability(score))
                   && unit(priorCorrected(score, model.metrics.failureRate)));
    }
    const Contributions phi = model.forest.shapley(model.background.front(), model.background);
    double sum = 0;
    for (double c : phi)
        sum += c;
    FUZZ_CHECK(std::isfinite(sum));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    switch (data[0] % 3) {
    case 0:
    case 1: {
        QByteArray content = rest;
        if (data[0] % 3 == 1) {
            const qsizetype nul = rest.indexOf('\0');
            if (nul < 0)
                return 0;
            content = withChecksums(rest.left(nul), rest.mid(nul + 1));
        }
        const Result<RiskModel> model = parseModelFile(content, QStringLiteral("fuzz.model"));
        if (!model) {
            FUZZ_CHECK(model.error().code == ErrorCode::Usage
                       && model.error().message.startsWith(QLatin1String("fuzz.model")));
            return 0;
        }
        checkModel(*model);
        // What is accepted can be exported and read again.
        const QByteArray written = modelFileBytes(*model);
        const Result<RiskModel> again = parseModelFile(written, QStringLiteral("fuzz.model"));
        FUZZ_CHECK(again.ok() && again->forest.nodeCount() == model->forest.nodeCount());
        break;
    }
    default: {
        const Result<TreeEnsemble> forest = deserializeForest(rest);
        if (!forest) {
            FUZZ_CHECK(forest.error().code == ErrorCode::Usage);
            return 0;
        }
        checkForest(*forest);
        FUZZ_CHECK(deserializeForest(serializeForest(*forest)).ok());
        break;
    }
    }
    return 0;
}

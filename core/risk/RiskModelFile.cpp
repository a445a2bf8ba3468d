#include "core/risk/RiskModelFile.h"

#include "core/risk/DlibForest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

namespace atalaya {
namespace {

const QByteArray kMagic = QByteArrayLiteral("ATALAYA-RISK-MODEL/1\n");

}  // namespace

QString modelSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The base value is recomputed so explanations stay exactly additive whatever the JSON round
// trip did.
Result<RiskModel> assembleModel(const QByteArray &metadata, const QByteArray &forestBytes, const QString &where)
{
    const auto meta = RiskModel::fromMetadata(QJsonDocument::fromJson(metadata).object());
    if (!meta)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("%1: the metadata is not that of a deployment-risk model").arg(where));
    auto forest = deserializeForest(forestBytes);
    if (!forest)
        return makeError(ErrorCode::Usage, QStringLiteral("%1: %2").arg(where, forest.error().message));
    RiskModel model = *meta;
    model.forest = std::move(*forest);
    model.baseValue = model.forest.meanPrediction(model.background);
    return model;
}

QByteArray modelFileBytes(const RiskModel &model)
{
    const QByteArray forest = serializeForest(model.forest);
    const QJsonObject header{{QStringLiteral("metadata"), model.metadataJson()},
                             {QStringLiteral("model_bytes"), forest.size()},
                             {QStringLiteral("model_sha256"), modelSha256(forest)}};
    QByteArray headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact);
    headerLine += '\n';
    return kMagic + modelSha256(headerLine).toLatin1() + '\n' + headerLine + forest;
}

Status exportModelFile(const RiskModel &model, const QString &path)
{
    const QByteArray content = modelFileBytes(model);
    QFile file(path);
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // Restrict first, so an existing file with wider rights never holds the new content.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, owner) || !file.setPermissions(owner))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(content) != content.size() || !file.flush())
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<RiskModel> parseModelFile(const QByteArray &content, const QString &name)
{
    auto refuse = [&](const QString &why) {
        return makeError(ErrorCode::Usage, QStringLiteral("%1 refused: %2").arg(name, why));
    };
    if (!content.startsWith(kMagic))
        return refuse(QStringLiteral("not an Atalaya deployment-risk model file (export one with `risk export`)"));
    qsizetype at = kMagic.size();
    const qsizetype shaEnd = content.indexOf('\n', at);
    const qsizetype headerEnd = shaEnd < 0 ? -1 : content.indexOf('\n', shaEnd + 1);
    if (headerEnd < 0)
        return refuse(QStringLiteral("the file is truncated"));
    const QByteArray headerLine = content.mid(shaEnd + 1, headerEnd - shaEnd);
    if (modelSha256(headerLine).toLatin1() != content.mid(at, shaEnd - at))
        return refuse(QStringLiteral("the file is corrupted (header checksum mismatch)"));
    const QJsonObject header = QJsonDocument::fromJson(headerLine).object();
    const QByteArray forest = content.mid(headerEnd + 1);
    if (forest.size() != header.value(QStringLiteral("model_bytes")).toInteger(-1))
        return refuse(QStringLiteral("the file is truncated or has trailing data"));
    if (modelSha256(forest) != header.value(QStringLiteral("model_sha256")).toString())
        return refuse(QStringLiteral("the file is corrupted (model checksum mismatch)"));
    auto model =
        assembleModel(QJsonDocument(header.value(QStringLiteral("metadata")).toObject()).toJson(), forest, name);
    if (!model)
        return model.error();
    if (!model->version.startsWith(QLatin1String("v")))
        return refuse(QStringLiteral("the model has no version"));
    return model;
}

Result<RiskModel> importModelFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return parseModelFile(file.readAll(), path);
}

}  // namespace atalaya

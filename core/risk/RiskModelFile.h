#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskModel.h"

#include <QByteArray>

namespace atalaya {

// The export file: a magic line, the SHA-256 of the header line, one JSON header line
// (metadata, size, SHA-256 of the forest), and dlib's bytes. Written with permissions 0600
// (the seed's "permisos restrictivos").
QByteArray modelFileBytes(const RiskModel &model);
Status exportModelFile(const RiskModel &model, const QString &path);
// A foreign file, a truncated or corrupted one (checksum), metadata that is not a
// deployment-risk model's or a forest dlib refuses → Usage (2) with a message that says which;
// `name` (the path) starts it.
Result<RiskModel> parseModelFile(const QByteArray &content, const QString &name);
Result<RiskModel> importModelFile(const QString &path);

// Rebuilds a model from its stored parts (what the database keeps beside each other too);
// Usage naming `where` when either part is not a deployment-risk model's.
Result<RiskModel> assembleModel(const QByteArray &metadata, const QByteArray &forestBytes, const QString &where);
// Hex SHA-256, as stored beside the forest's bytes.
QString modelSha256(const QByteArray &bytes);

}  // namespace atalaya

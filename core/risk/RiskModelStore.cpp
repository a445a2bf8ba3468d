#include "core/risk/RiskModelStore.h"

#include "core/common/TimeUtil.h"
#include "core/risk/DlibForest.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace atalaya {
namespace {

// Risk model versions (RISK_MODEL.md "Versions"): dlib's bytes, metadata, metrics, active flag.
QStringList riskModels(const Dialect &d)
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_risk_models (%1, version VARCHAR(40) NOT NULL UNIQUE,"
                       " trained_at DATETIME(6) NOT NULL, created_at DATETIME(6) NOT NULL, window_days INT NOT NULL,"
                       " training_samples INT NOT NULL, validation_samples INT NOT NULL, metrics %2 NOT NULL,"
                       " feature_importance %2 NOT NULL, metadata %2 NOT NULL, checks_passed SMALLINT NOT NULL,"
                       " active SMALLINT NOT NULL DEFAULT 0, activated_at DATETIME(6) NULL, model %3 NOT NULL,"
                       " model_bytes BIGINT NOT NULL, model_sha256 CHAR(64) NOT NULL)%4")
            .arg(d.autoIncrementPrimaryKey(), d.jsonType(), d.blobType(), d.tableSuffix())};
}

const QByteArray kMagic = QByteArrayLiteral("ATALAYA-RISK-MODEL/1\n");
const QString kSummaryColumns =
    QStringLiteral("version, trained_at, created_at, window_days, metrics, checks_passed, active, model_bytes");

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Rebuilds a model from its stored parts; the base value is recomputed so explanations stay
// exactly additive whatever the JSON round trip did.
Result<RiskModel> assemble(const QByteArray &metadata, const QByteArray &forestBytes, const QString &where)
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

StoredModelInfo readInfo(const QSqlQuery &q)
{
    StoredModelInfo i;
    i.version = q.value(0).toString();
    i.trainedAt = fromDbDateTime(q.value(1));
    i.createdAt = fromDbDateTime(q.value(2));
    i.windowDays = q.value(3).toInt();
    i.metrics = RiskMetrics::fromJson(QJsonDocument::fromJson(q.value(4).toByteArray()).object());
    i.checksPassed = q.value(5).toInt() != 0;
    i.active = q.value(6).toInt() != 0;
    i.modelBytes = q.value(7).toLongLong();
    return i;
}

}  // namespace

std::vector<Migration> riskMigrations()
{
    return {{10, QStringLiteral("risk_models"), riskModels}};
}

RiskModelStore::RiskModelStore(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<QString> RiskModelStore::insert(const RiskModel &model, const QString &version, bool activate) const
{
    RiskModel stored = model;
    stored.version = version;
    const QByteArray forest = serializeForest(model.forest);
    const QJsonObject meta = stored.metadataJson();
    const QString now = toDbDateTime(QDateTime::currentDateTimeUtc());
    return inTransaction(*m_db, [&]() -> Result<QString> {
        if (activate) {
            if (Status s =
                    execStatement(*m_db, QStringLiteral("UPDATE atalaya_risk_models SET active = 0 WHERE active <> 0"),
                                  {}, QStringLiteral("deactivating the previous risk model"));
                !s)
                return s.error();
        }
        if (Status s = execStatement(
                *m_db,
                QStringLiteral(
                    "INSERT INTO atalaya_risk_models (version, trained_at, created_at, window_days, training_samples,"
                    " validation_samples, metrics, feature_importance, metadata, checks_passed, active, activated_at,"
                    " model, model_bytes, model_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
                {version, toDbDateTime(model.trainedAt), now, model.windowDays, model.metrics.trainingSamples,
                 model.metrics.validationSamples, compact(model.metrics.toJson()),
                 compact(meta.value(QStringLiteral("feature_importance")).toObject()), compact(meta),
                 allPassed(validationChecks(model.metrics)) ? 1 : 0, activate ? 1 : 0,
                 activate ? QVariant(now) : QVariant(QMetaType::fromType<QString>()), forest, forest.size(),
                 sha256(forest)},
                QStringLiteral("storing risk model %1").arg(version));
            !s)
            return s.error();
        return version;
    });
}

Result<QString> RiskModelStore::save(const RiskModel &model, bool activate) const
{
    const QString day = QStringLiteral("v1.0-") + model.trainedAt.toUTC().date().toString(Qt::ISODate);
    auto taken =
        execQuery(*m_db, QStringLiteral("SELECT version FROM atalaya_risk_models WHERE version = ? OR version LIKE ?"),
                  {day, day + QStringLiteral(".%")}, QStringLiteral("reading risk model versions"));
    if (!taken)
        return taken.error();
    int next = 1;
    while (taken->next()) {
        const QString v = taken->value(0).toString();
        next = std::max(next, v == day ? 2 : v.mid(day.size() + 1).toInt() + 1);
    }
    return insert(model, next == 1 ? day : QStringLiteral("%1.%2").arg(day).arg(next), activate);
}

Result<QString> RiskModelStore::saveImported(const RiskModel &model, bool activate) const
{
    auto exists = execQuery(*m_db, QStringLiteral("SELECT COUNT(*) FROM atalaya_risk_models WHERE version = ?"),
                            {model.version}, QStringLiteral("reading risk model versions"));
    if (!exists)
        return exists.error();
    if (exists->next() && exists->value(0).toInt() > 0)
        return makeError(
            ErrorCode::Usage,
            QStringLiteral("risk model %1 is already stored; `risk activate %1` uses it").arg(model.version));
    return insert(model, model.version, activate);
}

Result<RiskModel> RiskModelStore::loadWhere(const QString &where, const QVariantList &values, const QString &what) const
{
    auto q = execQuery(
        *m_db,
        QStringLiteral("SELECT version, metadata, model, model_sha256, active FROM atalaya_risk_models WHERE %1")
            .arg(where),
        values, QStringLiteral("reading %1").arg(what));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QString());
    const QString version = q->value(0).toString();
    const QByteArray forest = q->value(2).toByteArray();
    if (sha256(forest) != q->value(3).toString())
        return makeError(ErrorCode::Internal,
                         QStringLiteral("risk model %1 is corrupted in the database (checksum mismatch); "
                                        "activate another version or retrain")
                             .arg(version));
    auto model = assemble(q->value(1).toByteArray(), forest, QStringLiteral("risk model %1").arg(version));
    if (!model)
        return model.error();
    model->version = version;
    model->active = q->value(4).toInt() != 0;
    return model;
}

Result<RiskModel> RiskModelStore::loadActive() const
{
    if (!hasTable())
        return makeError(ErrorCode::NoModel,
                         QStringLiteral("no deployment-risk model yet; run `atalaya-cli risk train`"));
    auto m = loadWhere(QStringLiteral("active <> 0"), {}, QStringLiteral("the active risk model"));
    if (!m && m.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NoModel,
                         QStringLiteral("no active deployment-risk model; run `atalaya-cli risk train` "
                                        "(or `risk activate VERSION`)"));
    return m;
}

bool RiskModelStore::hasTable() const
{
    return m_db->connection().tables().contains(QStringLiteral("atalaya_risk_models"));
}

Result<RiskModel> RiskModelStore::load(const QString &version) const
{
    if (!hasTable())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("risk model version '%1' not found; no model is stored yet").arg(version));
    auto m = loadWhere(QStringLiteral("version = ?"), {version}, QStringLiteral("risk model %1").arg(version));
    if (!m && m.error().code == ErrorCode::NotFound)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("risk model version '%1' not found; `risk models` lists them").arg(version));
    return m;
}

Result<std::vector<StoredModelInfo>> RiskModelStore::list() const
{
    if (!hasTable())
        return std::vector<StoredModelInfo>{};
    auto q = execQuery(
        *m_db,
        QStringLiteral("SELECT %1 FROM atalaya_risk_models ORDER BY trained_at DESC, id DESC").arg(kSummaryColumns), {},
        QStringLiteral("listing risk models"));
    if (!q)
        return q.error();
    std::vector<StoredModelInfo> out;
    while (q->next())
        out.push_back(readInfo(*q));
    return out;
}

Result<QString> RiskModelStore::activate(const QString &version) const
{
    return inTransaction(*m_db, [&]() -> Result<QString> {
        auto q = execQuery(
            *m_db, QStringLiteral("SELECT version, active FROM atalaya_risk_models") + m_db->dialect().forUpdate(), {},
            QStringLiteral("reading risk model versions"));
        if (!q)
            return q.error();
        QString previous;
        bool found = false;
        while (q->next()) {
            found = found || q->value(0).toString() == version;
            if (q->value(1).toInt() != 0)
                previous = q->value(0).toString();
        }
        if (!found)
            return makeError(
                ErrorCode::NotFound,
                QStringLiteral("risk model version '%1' not found; `risk models` lists them").arg(version));
        if (Status s = execStatement(
                *m_db,
                QStringLiteral("UPDATE atalaya_risk_models SET active = CASE WHEN version = ? THEN 1 ELSE 0 END,"
                               " activated_at = CASE WHEN version = ? THEN ? ELSE activated_at END"),
                {version, version, toDbDateTime(QDateTime::currentDateTimeUtc())},
                QStringLiteral("activating risk model %1").arg(version));
            !s)
            return s.error();
        return previous;
    });
}

Status exportModelFile(const RiskModel &model, const QString &path)
{
    const QByteArray forest = serializeForest(model.forest);
    const QJsonObject header{{QStringLiteral("metadata"), model.metadataJson()},
                             {QStringLiteral("model_bytes"), forest.size()},
                             {QStringLiteral("model_sha256"), sha256(forest)}};
    QByteArray headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact);
    headerLine += '\n';
    const QString headerSha = sha256(headerLine);
    QFile file(path);
    const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    // Restrict first, so an existing file with wider rights never holds the new content.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, owner) || !file.setPermissions(owner))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    const QByteArray content = kMagic + headerSha.toLatin1() + '\n' + headerLine + forest;
    if (file.write(content) != content.size() || !file.flush())
        return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<RiskModel> importModelFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Usage, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray content = file.readAll();
    auto refuse = [&](const QString &why) {
        return makeError(ErrorCode::Usage, QStringLiteral("%1 refused: %2").arg(path, why));
    };
    if (!content.startsWith(kMagic))
        return refuse(QStringLiteral("not an Atalaya deployment-risk model file (export one with `risk export`)"));
    qsizetype at = kMagic.size();
    const qsizetype shaEnd = content.indexOf('\n', at);
    const qsizetype headerEnd = shaEnd < 0 ? -1 : content.indexOf('\n', shaEnd + 1);
    if (headerEnd < 0)
        return refuse(QStringLiteral("the file is truncated"));
    const QByteArray headerLine = content.mid(shaEnd + 1, headerEnd - shaEnd);
    if (sha256(headerLine).toLatin1() != content.mid(at, shaEnd - at))
        return refuse(QStringLiteral("the file is corrupted (header checksum mismatch)"));
    const QJsonObject header = QJsonDocument::fromJson(headerLine).object();
    const QByteArray forest = content.mid(headerEnd + 1);
    if (forest.size() != header.value(QStringLiteral("model_bytes")).toInteger(-1))
        return refuse(QStringLiteral("the file is truncated or has trailing data"));
    if (sha256(forest) != header.value(QStringLiteral("model_sha256")).toString())
        return refuse(QStringLiteral("the file is corrupted (model checksum mismatch)"));
    auto model = assemble(QJsonDocument(header.value(QStringLiteral("metadata")).toObject()).toJson(), forest, path);
    if (!model)
        return model.error();
    if (!model->version.startsWith(QLatin1String("v")))
        return refuse(QStringLiteral("the model has no version"));
    return model;
}

}  // namespace atalaya

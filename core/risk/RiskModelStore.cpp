#include "core/risk/RiskModelStore.h"

#include "core/common/TimeUtil.h"
#include "core/risk/DlibForest.h"
#include "core/risk/RiskModelFile.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

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

const QString kSummaryColumns =
    QStringLiteral("version, trained_at, created_at, window_days, metrics, checks_passed, active, model_bytes");

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
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
                 modelSha256(forest)},
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
    if (modelSha256(forest) != q->value(3).toString())
        return makeError(ErrorCode::Internal,
                         QStringLiteral("risk model %1 is corrupted in the database (checksum mismatch); "
                                        "activate another version or retrain")
                             .arg(version));
    auto model = assembleModel(q->value(1).toByteArray(), forest, QStringLiteral("risk model %1").arg(version));
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
    return tableNames(*m_db).contains(QStringLiteral("atalaya_risk_models"));
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

}  // namespace atalaya

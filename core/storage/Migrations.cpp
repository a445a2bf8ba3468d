#include "core/storage/Migrations.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/queue/QueueCountsSchema.h"
#include "core/rollup/RollupSchema.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QSet>

namespace atalaya {
namespace {

QStringList feedbackAudit(const Dialect &d)
{
    QStringList s;
    s << QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_feedback_audit ("
                        "%1, telemetry_id BIGINT NOT NULL, previous_value VARCHAR(20) NULL,"
                        " new_value VARCHAR(20) NULL, reviewer VARCHAR(100) NOT NULL,"
                        " note TEXT NULL, client_host VARCHAR(255) NOT NULL,"
                        " created_at DATETIME(6) NOT NULL%2)%3")
             .arg(d.autoIncrementPrimaryKey(),
                  d.supportsInlineIndexes() ? QStringLiteral(", INDEX idx_audit_telemetry (telemetry_id, id)")
                                            : QString(),
                  d.tableSuffix());
    if (!d.supportsInlineIndexes())
        s << QStringLiteral("CREATE INDEX IF NOT EXISTS idx_audit_telemetry "
                            "ON atalaya_feedback_audit (telemetry_id, id)");
    return s;
}

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

// Client-generated keys of delivered feedback, written in the feedback's own transaction, so a
// retried write whose first attempt committed is recognised and not applied twice.
QStringList feedbackKeys(const Dialect &d)
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_feedback_keys ("
                           "client_key VARCHAR(64) NOT NULL PRIMARY KEY, telemetry_id BIGINT NOT NULL,"
                           " created_at DATETIME(6) NOT NULL)%1")
                .arg(d.tableSuffix())};
}

// SQLite only: window reads compare Dialect::utcTimeOf(created_at), which only an index on that
// very expression serves (MySQL's DATETIME column has the seed's index).
QStringList utcTimeIndex(const Dialect &d)
{
    if (d.isMySql())
        return {};
    return {QStringLiteral("CREATE INDEX IF NOT EXISTS atalaya_telemetry_utc ON ai_telemetry (%1)")
                .arg(d.utcTimeOf(QStringLiteral("created_at")))};
}

Status ensureVersionTable(const Database &db)
{
    return execStatement(db,
                         QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_schema_version ("
                                        "version INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                                        " applied_at DATETIME(6) NOT NULL)%1")
                             .arg(db.dialect().tableSuffix()),
                         {}, QStringLiteral("creating atalaya_schema_version"));
}

}  // namespace

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, QStringLiteral("feedback_audit"), feedbackAudit},
        {10, QStringLiteral("risk_models"), riskModels},
        {20, QStringLiteral("rollup_hour"), rollup::migrationStatements},
        {21, QStringLiteral("rollup_day"), rollup::dayMigrationStatements},
        {22, QStringLiteral("rollup_percents"), rollup::percentsMigrationStatements},
        {30, QStringLiteral("feedback_keys"), feedbackKeys},
        {31, QStringLiteral("queue_counts"), queuecounts::migrationStatements},
        {32, QStringLiteral("queue_counts_per_rules"), queuecounts::perRuleSetMigrationStatements},
        {33, QStringLiteral("rollup_filter_indexes"), rollup::filterIndexMigrationStatements},
        {34, QStringLiteral("telemetry_utc_index"), utcTimeIndex},
    };
    return migrations;
}

Result<MigrationReport> migrate(const Database &db)
{
    if (Status s = ensureVersionTable(db); !s)
        return s.error();
    auto applied = execQuery(db, QStringLiteral("SELECT version FROM atalaya_schema_version"), {},
                             QStringLiteral("reading atalaya_schema_version"));
    if (!applied)
        return applied.error();
    QSet<int> done;
    while (applied->next())
        done.insert(applied->value(0).toInt());

    MigrationReport report;
    for (const Migration &m : allMigrations()) {
        if (done.contains(m.version)) {
            report.schemaVersion = std::max(report.schemaVersion, m.version);
            continue;
        }
        for (const QString &sql : m.statements(db.dialect())) {
            if (Status s = execStatement(db, sql, {}, QStringLiteral("migration %1 (%2)").arg(m.version).arg(m.name));
                !s)
                return s.error();
        }
        if (Status s = execStatement(db,
                                     QStringLiteral("INSERT INTO atalaya_schema_version (version, name, applied_at) "
                                                    "VALUES (?, ?, ?)"),
                                     {m.version, m.name, toDbDateTime(QDateTime::currentDateTimeUtc())},
                                     QStringLiteral("recording migration %1").arg(m.version));
            !s)
            return s.error();
        qCInfo(lcStorage) << "applied migration" << m.version << m.name;
        report.migrated << m.name;
        report.schemaVersion = std::max(report.schemaVersion, m.version);
    }
    return report;
}

}  // namespace atalaya

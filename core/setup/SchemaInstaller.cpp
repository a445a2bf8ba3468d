#include "core/setup/SchemaInstaller.h"

#include "core/common/TimeUtil.h"
#include "core/queue/QueueCountsStore.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/setup/AllMigrations.h"
#include "core/setup/LiveBuild.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"

#include <QSqlQuery>

namespace atalaya {
namespace {

struct ForeignTable {
    QString name;
    QString columns;  // without indexes
    QStringList indexes;  // "name (columns)"
};

const std::vector<ForeignTable> &foreignTables()
{
    // The seed schemas of ai_telemetry and dora_metrics, column for column (docs/DATA.md).
    static const std::vector<ForeignTable> tables = {
        {QStringLiteral("ai_telemetry"),
         QStringLiteral("agent_id VARCHAR(100) NOT NULL, task_type VARCHAR(50) NOT NULL,"
                        " decision_made %1 NOT NULL, confidence_score DECIMAL(5,4) NOT NULL,"
                        " human_feedback VARCHAR(20) NULL, accuracy DECIMAL(5,4) NULL,"
                        " execution_time_ms INT NOT NULL, metadata %1 NOT NULL,"
                        " created_at DATETIME(6) NOT NULL"),
         {QStringLiteral("idx_agent_id (agent_id)"), QStringLiteral("idx_task_type (task_type)"),
          QStringLiteral("idx_created_at (created_at)"), QStringLiteral("idx_human_feedback (human_feedback)")}},
        {QStringLiteral("dora_metrics"),
         QStringLiteral("cycle_id VARCHAR(50) NOT NULL, feature_id VARCHAR(50) NOT NULL,"
                        " phase_name VARCHAR(50) NOT NULL, decision VARCHAR(20) NOT NULL,"
                        " duration_seconds DECIMAL(10,2) NOT NULL, metadata %1 NOT NULL,"
                        " created_at DATETIME(6) NOT NULL"),
         {QStringLiteral("idx_cycle (cycle_id)"), QStringLiteral("idx_phase (phase_name)"),
          QStringLiteral("idx_feature (feature_id)"), QStringLiteral("idx_created (created_at)")}},
    };
    return tables;
}

// `init --add-indexes`: one covering index for every dashboard window read (docs/PERFORMANCE.md).
struct ExtraIndex {
    QString name;
    QString columns;
};

const std::vector<ExtraIndex> &extraIndexes()
{
    static const std::vector<ExtraIndex> indexes = {
        {QStringLiteral("idx_atalaya_window"),
         QStringLiteral("created_at, agent_id, task_type, human_feedback, confidence_score,"
                        " accuracy, execution_time_ms")},
        // The review queue reads pending rows in due order: `human_feedback IS NULL ORDER BY
        // created_at, id LIMIT n` walks this index and stops early (docs/PERFORMANCE.md).
        {QStringLiteral("idx_atalaya_queue"), QStringLiteral("human_feedback, created_at")},
    };
    return indexes;
}

QStringList foreignTableSql(const Dialect &d, const ForeignTable &t)
{
    QString ddl =
        QStringLiteral("CREATE TABLE %1 (%2, %3").arg(t.name, d.autoIncrementPrimaryKey(), t.columns.arg(d.jsonType()));
    QStringList indexes;
    for (const QString &index : t.indexes) {
        if (d.supportsInlineIndexes()) {
            ddl += QStringLiteral(", INDEX ") + index;
        } else {
            const QString name = index.section(QLatin1Char(' '), 0, 0);
            const QString cols = index.section(QLatin1Char(' '), 1);
            indexes << QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 %3").arg(name, t.name, cols);
        }
    }
    ddl += QStringLiteral(")") + d.tableSuffix();
    return QStringList{ddl} + indexes;
}

Status createForeignTable(const Database &db, const ForeignTable &t)
{
    for (const QString &sql : foreignTableSql(db.dialect(), t)) {
        if (Status s = execStatement(db, sql, {}, QStringLiteral("creating table %1").arg(t.name)); !s)
            return s;
    }
    return {};
}

Result<bool> indexExists(const Database &db, const QString &table, const QString &index)
{
    if (db.dialect().isMySql()) {
        auto q = execQuery(db,
                           QStringLiteral("SELECT COUNT(*) FROM information_schema.statistics "
                                          "WHERE table_schema = DATABASE() AND table_name = ? "
                                          "AND index_name = ?"),
                           {table, index}, QStringLiteral("looking up index %1").arg(index));
        if (!q)
            return q.error();
        return q->next() && q->value(0).toInt() > 0;
    }
    auto q = execQuery(db,
                       QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND tbl_name = ? AND name = ?"),
                       {table, index}, QStringLiteral("looking up index %1").arg(index));
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() > 0;
}

}  // namespace

bool hasTelemetrySchema(const Database &db)
{
    const QStringList tables = tableNames(db);
    return tables.contains(QStringLiteral("ai_telemetry")) && tables.contains(QStringLiteral("dora_metrics"));
}

Result<InitReport> initialize(const Database &db, const InitOptions &options)
{
    InitReport report;
    const QStringList existing = tableNames(db);
    for (const ForeignTable &t : foreignTables()) {
        if (existing.contains(t.name))
            continue;
        if (Status s = createForeignTable(db, t); !s)
            return s.error();
        report.created << t.name;
    }
    if (options.addIndexes) {
        for (const ExtraIndex &index : extraIndexes()) {
            auto exists = indexExists(db, QStringLiteral("ai_telemetry"), index.name);
            if (!exists)
                return exists.error();
            if (*exists)
                continue;
            if (Status s = execStatement(
                    db, QStringLiteral("CREATE INDEX %1 ON ai_telemetry (%2)").arg(index.name, index.columns), {},
                    QStringLiteral("creating index %1").arg(index.name));
                !s)
                return s.error();
            report.created << index.name;
        }
    }
    // SQLite keeps another writer's time text as written; window reads compare it in UTC
    // (Dialect::utcTimeOf), which only an index on that expression serves. A table another
    // application made gets it only when asked (--add-indexes): init never alters theirs.
    if (!db.dialect().isMySql()
        && (options.addIndexes || report.created.contains(QStringLiteral("ai_telemetry")))) {
        const QString name = QStringLiteral("atalaya_telemetry_utc");
        auto exists = indexExists(db, QStringLiteral("ai_telemetry"), name);
        if (!exists)
            return exists.error();
        if (!*exists) {
            if (Status s = execStatement(db,
                                         QStringLiteral("CREATE INDEX %1 ON ai_telemetry (%2)")
                                             .arg(name, db.dialect().utcTimeOf(QStringLiteral("created_at"))),
                                         {}, QStringLiteral("creating index %1").arg(name));
                !s)
                return s.error();
            report.created << name;
        }
    }
    auto migrated = migrate(db);
    if (!migrated)
        return migrated.error();
    report.schemaVersion = migrated->schemaVersion;
    report.migrated = migrated->migrated;
    auto auditTriggers = auditchain::installTriggers(db);
    if (!auditTriggers)
        return auditTriggers.error();
    report.auditLog = *auditTriggers ? QStringLiteral("append_only") : QStringLiteral("no_triggers");
    auto chained = auditchain::chainPending(db);
    if (!chained)
        return chained.error();
    report.auditRowsChained = *chained;
    const ReviewRules queueRules = options.queueRules.value_or(ReviewRules::defaults());
    if (options.rebuildRollups) {
        auto built = rebuildLive(db, queueRules, options.progress);
        if (!built)
            return built.error();
        report.rollups = stateName(DerivedTableState::Ready);
        report.queueCounts = stateName(*built ? DerivedTableState::Ready : DerivedTableState::NoTriggers);
        return report;
    }
    auto rollups = rollup::ensure(db, options.maxRowsToBuildRollups, options.progress);
    if (!rollups)
        return rollups.error();
    report.rollups = stateName(rollups->state);
    auto counts = queuecounts::ensure(db, queueRules, options.maxRowsToBuildRollups);
    if (!counts)
        return counts.error();
    report.queueCounts = stateName(counts->state);
    return report;
}

Result<AppSchemaReport> prepareForApp(const Database &db, const InitOptions &options)
{
    auto init = initialize(db, options);
    if (init)
        return AppSchemaReport{*init, {}};
    if (isPermissionDenied(init.error()))
        return AppSchemaReport{{}, init.error().message};
    return init.error();
}

Result<QStringList> schemaSql(const Database &db, const InitOptions &options)
{
    QStringList sql;
    const QStringList existing = tableNames(db);
    for (const ForeignTable &t : foreignTables()) {
        if (!existing.contains(t.name))
            sql << foreignTableSql(db.dialect(), t);
    }
    if (options.addIndexes) {
        for (const ExtraIndex &index : extraIndexes()) {
            auto exists = indexExists(db, QStringLiteral("ai_telemetry"), index.name);
            if (!exists)
                return exists.error();
            if (!*exists)
                sql << QStringLiteral("CREATE INDEX %1 ON ai_telemetry (%2)").arg(index.name, index.columns);
        }
    }
    auto migrations = pendingMigrationSql(db);
    if (!migrations)
        return migrations.error();
    sql << *migrations;
    auto auditTriggers = auditchain::missingTriggerSql(db);
    if (!auditTriggers)
        return auditTriggers.error();
    sql << *auditTriggers;
    auto rollupTriggers = rollup::missingTriggerSql(db);
    if (!rollupTriggers)
        return rollupTriggers.error();
    sql << *rollupTriggers;
    auto queueTriggers = queuecounts::installSql(db, options.queueRules.value_or(ReviewRules::defaults()));
    if (!queueTriggers)
        return queueTriggers.error();
    sql << *queueTriggers;
    return sql;
}

QString sqlScript(const Database &db, const QStringList &statements)
{
    QString script = QStringLiteral("-- Atalaya's tables, migrations and triggers for %1, written %2.\n"
                                    "-- Review, then apply as an account that may create tables and triggers;\n"
                                    "-- afterwards `atalaya-cli init` with the everyday account fills the rollups.\n")
                         .arg(db.url().describe(), toIsoUtc(QDateTime::currentDateTimeUtc()));
    const bool mysql = db.dialect().isMySql();
    for (const QString &sql : statements) {
        // MySQL trigger bodies hold `;`: the mysql/mariadb client needs another delimiter.
        const bool compound =
            mysql && sql.startsWith(QLatin1String("CREATE TRIGGER")) && sql.contains(QLatin1Char(';'));
        if (compound)
            script += QStringLiteral("DELIMITER $$\n") + sql + QStringLiteral("$$\nDELIMITER ;\n");
        else
            script += sql + QStringLiteral(";\n");
    }
    return script;
}

}  // namespace atalaya

#include "storage/Migrations.h"

#include "common/TimeUtil.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/SqlUtil.h"

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
                  d.supportsInlineIndexes()
                      ? QStringLiteral(", INDEX idx_audit_telemetry (telemetry_id, id)")
                      : QString(),
                  d.tableSuffix());
    if (!d.supportsInlineIndexes())
        s << QStringLiteral("CREATE INDEX IF NOT EXISTS idx_audit_telemetry "
                            "ON atalaya_feedback_audit (telemetry_id, id)");
    return s;
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

} // namespace

const std::vector<Migration> &allMigrations()
{
    static const std::vector<Migration> migrations = {
        {1, QStringLiteral("feedback_audit"), feedbackAudit},
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
            if (Status s = execStatement(db, sql, {},
                                         QStringLiteral("migration %1 (%2)").arg(m.version).arg(m.name));
                !s)
                return s.error();
        }
        if (Status s = execStatement(
                db,
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

} // namespace atalaya

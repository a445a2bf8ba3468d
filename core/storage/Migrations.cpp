#include "core/storage/Migrations.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/storage/Database.h"
#include "core/storage/LiveScan.h"
#include "core/storage/SqlUtil.h"

#include <QSet>

#include <algorithm>

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

// Client-generated keys of delivered feedback, written in the feedback's own transaction, so a
// retried write whose first attempt committed is recognised and not applied twice.
QStringList feedbackKeys(const Dialect &d)
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_feedback_keys ("
                           "client_key VARCHAR(64) NOT NULL PRIMARY KEY, telemetry_id BIGINT NOT NULL,"
                           " created_at DATETIME(6) NOT NULL)%1")
                .arg(d.tableSuffix())};
}

// One row per review of a decision (first, second, adjudication), kept whatever the final
// verdict in ai_telemetry becomes, so agreement between reviewers can be measured.
QStringList reviews(const Dialect &d)
{
    QStringList s;
    s << QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_reviews ("
                        "%1, telemetry_id BIGINT NOT NULL, reviewer VARCHAR(100) NOT NULL,"
                        " verdict VARCHAR(20) NOT NULL, note TEXT NULL, role VARCHAR(16) NOT NULL,"
                        " created_at DATETIME(6) NOT NULL%2)%3")
             .arg(d.autoIncrementPrimaryKey(),
                  d.supportsInlineIndexes() ? QStringLiteral(", INDEX idx_reviews_telemetry (telemetry_id, id),"
                                                             " INDEX idx_reviews_created (created_at)")
                                            : QString(),
                  d.tableSuffix());
    if (!d.supportsInlineIndexes())
        s << QStringLiteral("CREATE INDEX IF NOT EXISTS idx_reviews_telemetry ON atalaya_reviews (telemetry_id, id)")
          << QStringLiteral("CREATE INDEX IF NOT EXISTS idx_reviews_created ON atalaya_reviews (created_at)");
    return s;
}

// The adjudication view reads the second reviews first (a few per cent of the reviewed
// decisions), not every decision (docs/PERFORMANCE.md §The review queue).
QStringList reviewsRoleIndex(const Dialect &)
{
    return {QStringLiteral("CREATE INDEX IF NOT EXISTS idx_reviews_role ON atalaya_reviews (role, telemetry_id)")};
}

// One row the primary's connection rewrites while the replica's lag cannot be read from
// SHOW SLAVE STATUS (no SLAVE MONITOR privilege): its age on the replica is the lag.
QStringList replicaHeartbeat(const Dialect &d)
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_heartbeat ("
                           "id INT NOT NULL PRIMARY KEY, beat_at DATETIME(6) NOT NULL)%1")
                .arg(d.tableSuffix())};
}

QString versionTableSql(const Dialect &d)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS atalaya_schema_version ("
                          "version INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                          " applied_at DATETIME(6) NOT NULL)%1")
        .arg(d.tableSuffix());
}

bool hasVersionTable(const Database &db)
{
    return tableNames(db).contains(QStringLiteral("atalaya_schema_version"));
}

// Only when missing: even CREATE TABLE IF NOT EXISTS needs the CREATE privilege, and an
// account without it must still run once a DBA created the tables.
Status ensureVersionTable(const Database &db)
{
    if (hasVersionTable(db))
        return {};
    return execStatement(db, versionTableSql(db.dialect()), {}, QStringLiteral("creating atalaya_schema_version"));
}

Result<QSet<int>> appliedVersions(const Database &db)
{
    QSet<int> done;
    if (!hasVersionTable(db))
        return done;
    auto applied = execQuery(db, QStringLiteral("SELECT version FROM atalaya_schema_version"), {},
                             QStringLiteral("reading atalaya_schema_version"));
    if (!applied)
        return applied.error();
    while (applied->next())
        done.insert(applied->value(0).toInt());
    return done;
}

}  // namespace

std::vector<Migration> storageMigrations()
{
    return {
        {1, QStringLiteral("feedback_audit"), feedbackAudit},
        {3, QStringLiteral("reviews"), reviews},
        {4, QStringLiteral("reviews_role_index"), reviewsRoleIndex},
        {6, QStringLiteral("replica_heartbeat"), replicaHeartbeat},
        {30, QStringLiteral("feedback_keys"), feedbackKeys},
        {36, QStringLiteral("build_journal"), scanJournalMigration},
    };
}

void MigrationRegistry::add(std::vector<Migration> steps)
{
    for (Migration &m : steps) {
        const auto at = std::lower_bound(m_steps.begin(), m_steps.end(), m.version,
                                         [](const Migration &a, int version) { return a.version < version; });
        if (at != m_steps.end() && at->version == m.version)
            qFatal("migration version %d registered twice (%s, %s)", m.version, qPrintable(at->name),
                   qPrintable(m.name));
        m_steps.insert(at, std::move(m));
    }
}

Result<MigrationReport> migrate(const Database &db, const MigrationRegistry &registry)
{
    if (Status s = ensureVersionTable(db); !s)
        return s.error();
    auto applied = appliedVersions(db);
    if (!applied)
        return applied.error();
    const QSet<int> &done = *applied;

    MigrationReport report;
    for (const Migration &m : registry.steps()) {
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

Result<QStringList> pendingMigrationSql(const Database &db, const MigrationRegistry &registry)
{
    auto applied = appliedVersions(db);
    if (!applied)
        return applied.error();
    const QString appliedAt = toDbDateTime(QDateTime::currentDateTimeUtc());
    QStringList sql{versionTableSql(db.dialect())};
    for (const Migration &m : registry.steps()) {
        if (applied->contains(m.version))
            continue;
        sql << m.statements(db.dialect());
        sql << QStringLiteral("INSERT INTO atalaya_schema_version (version, name, applied_at) VALUES (%1, '%2', '%3')")
                   .arg(m.version)
                   .arg(m.name, appliedAt);
    }
    return sql;
}

}  // namespace atalaya

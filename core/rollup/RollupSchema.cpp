#include "core/rollup/RollupSchema.h"

#include "core/storage/ChunkedBuild.h"
#include "core/storage/TelemetryTriggers.h"

namespace atalaya::rollup {
namespace {

QStringList keyColumns(Level level)
{
    return {level == Level::Hour ? QStringLiteral("hour_no") : QStringLiteral("day_no"), QStringLiteral("agent_id"),
            QStringLiteral("task_type")};
}

QString sumOf(const QString &condition, const QString &value = QStringLiteral("1"))
{
    return QStringLiteral("CASE WHEN %1 THEN %2 ELSE 0 END").arg(condition, value);
}

// One upsert that adds `sign` × the row's contributions to its hour or day row, and the
// version bumps of its latency, calibration and model-version sections.
QString applyRow(const Dialect &d, Level level, const QString &row, int sign, const QString &latencyBump,
                 const QString &calibrationBump, const QString &versionBump)
{
    const QString createdAt = row + QStringLiteral("created_at");
    QStringList columns = keyColumns(level);
    QStringList values = level == Level::Hour
        ? QStringList{d.hourNumberOf(createdAt), row + QStringLiteral("agent_id"), row + QStringLiteral("task_type")}
        : QStringList{d.dayNumberOf(createdAt), row + QStringLiteral("agent_id"), row + QStringLiteral("task_type")};
    if (level == Level::Hour) {
        columns << QStringLiteral("day_no");
        values << d.dayNumberOf(createdAt);
    }
    columns << counterColumns() << QStringLiteral("lat_version") << QStringLiteral("cal_version")
            << QStringLiteral("ver_version");
    for (const QString &e : counterExpressions(d, row))
        values << (sign < 0 ? QStringLiteral("-(%1)").arg(e) : e);
    values << latencyBump << calibrationBump << versionBump;
    QStringList add = counterColumns();
    add << QStringLiteral("lat_version") << QStringLiteral("cal_version") << QStringLiteral("ver_version");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
        .arg(tableOf(level), columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")),
             d.upsertAdd(keyColumns(level), add));
}

QString sameKeys(const Dialect &d)
{
    return QStringLiteral("OLD.created_at = NEW.created_at AND %1 = %2 AND %3 = %4")
        .arg(d.exactKey(QStringLiteral("OLD.agent_id")), d.exactKey(QStringLiteral("NEW.agent_id")),
             d.exactKey(QStringLiteral("OLD.task_type")), d.exactKey(QStringLiteral("NEW.task_type")));
}

// An UPDATE moves the calibration section only when a reviewed row's place or values change.
QString calibrationMoved(const Dialect &d)
{
    const QString oldReviewed = reviewedExpression(d, QStringLiteral("OLD."));
    const QString newReviewed = reviewedExpression(d, QStringLiteral("NEW."));
    return QStringLiteral("CASE WHEN NOT %1 AND NOT %2 THEN 0 WHEN %1 AND %2 AND %3"
                          " AND OLD.confidence_score = NEW.confidence_score AND OLD.accuracy = NEW.accuracy"
                          " THEN 0 ELSE 1 END")
        .arg(oldReviewed, newReviewed, sameKeys(d));
}

// An UPDATE moves the row's latency only when one of these changes (feedback edits do not).
QString latencyUnchanged(const Dialect &d)
{
    return QStringLiteral("(OLD.execution_time_ms = NEW.execution_time_ms AND %3 AND (%1) = (%2))")
        .arg(validExpression(d, QStringLiteral("OLD.")), validExpression(d, QStringLiteral("NEW.")), sameKeys(d));
}

// An UPDATE moves the model-version section unless it leaves every column the section reads
// as it was (a valid row's version, confidence, latency, feedback, accuracy, time and keys);
// NULL-safe, so a NULL that becomes a value counts as a change.
QString versionsMoved(const Dialect &d)
{
    const QString same = d.isMySql() ? QStringLiteral("OLD.%1 <=> NEW.%1") : QStringLiteral("OLD.%1 IS NEW.%1");
    QStringList unchanged{sameKeys(d)};
    for (const char *column : {"metadata", "confidence_score", "execution_time_ms", "human_feedback", "accuracy"})
        unchanged << same.arg(QLatin1String(column));
    return QStringLiteral("CASE WHEN NOT %1 AND NOT %2 THEN 0 WHEN %1 AND %2 AND %3 THEN 0 ELSE 1 END")
        .arg(validExpression(d, QStringLiteral("OLD.")), validExpression(d, QStringLiteral("NEW.")),
             unchanged.join(QStringLiteral(" AND ")));
}

// `guard`, when given, is a further condition for the row to count (see awaitsNoChunk).
QString mysqlTrigger(const QString &name, const QString &event, const QStringList &statements,
                     const QString &guard = {})
{
    return QStringLiteral(
               "CREATE TRIGGER %1 AFTER %2 ON ai_telemetry FOR EACH ROW BEGIN IF %3 IS NULL%5 THEN %4; END IF; END")
        .arg(name, event, QLatin1String(kAppMaintainsVariable), statements.join(QStringLiteral("; ")),
             guard.isEmpty() ? QString() : QStringLiteral(" AND ") + guard);
}

QString sqliteTrigger(const QString &name, const QString &event, const QStringList &statements,
                      const QString &guard = {})
{
    return QStringLiteral("CREATE TRIGGER IF NOT EXISTS %1 AFTER %2 ON ai_telemetry%4 BEGIN %3; END")
        .arg(name, event, statements.join(QStringLiteral("; ")),
             guard.isEmpty() ? QString() : QStringLiteral(" WHEN ") + guard);
}

}  // namespace

const QStringList &counterColumns()
{
    static const QStringList columns = {
        QStringLiteral("n"),         QStringLiteral("fb"),          QStringLiteral("acc_sum"),
        QStringLiteral("n_correct"), QStringLiteral("n_incorrect"), QStringLiteral("n_partial"),
        QStringLiteral("b0"),        QStringLiteral("b1"),          QStringLiteral("b2"),
        QStringLiteral("b3"),        QStringLiteral("b4"),          QStringLiteral("conf_sum"),
        QStringLiteral("exec_sum"),  QStringLiteral("dq_conf"),     QStringLiteral("dq_neg"),
        QStringLiteral("dq_fb"),     QStringLiteral("dq_json"),     QStringLiteral("dq_excluded")};
    return columns;
}

QString validExpression(const Dialect &d, const QString &r)
{
    QString p =
        QStringLiteral(
            "(%1confidence_score >= 0 AND %1confidence_score <= 1 AND %1execution_time_ms >= 0"
            " AND (%1human_feedback IS NULL OR %1human_feedback IN ('correct', 'incorrect', 'partially_correct'))")
            .arg(r);
    if (!d.isMySql())
        p += QStringLiteral(" AND json_valid(%1decision_made) AND json_valid(%1metadata)").arg(r);
    return p + QLatin1Char(')');
}

QString reviewedExpression(const Dialect &d, const QString &r)
{
    return QStringLiteral("(%1 AND %2human_feedback IS NOT NULL AND %2accuracy IS NOT NULL)")
        .arg(validExpression(d, r), r);
}

QString tableOf(Level level)
{
    return QLatin1String(level == Level::Hour ? kHourTable : kDayTable);
}

QStringList counterExpressions(const Dialect &d, const QString &r)
{
    const QString valid = validExpression(d, r);
    const QString withFeedback = QStringLiteral("%1 AND %2human_feedback IS NOT NULL").arg(valid, r);
    const QString conf = r + QStringLiteral("confidence_score");
    auto bucket = [&](const QString &range) { return sumOf(valid + QStringLiteral(" AND ") + range); };
    return {
        sumOf(valid),
        sumOf(withFeedback),
        sumOf(withFeedback, QStringLiteral("COALESCE(ROUND(%1accuracy * 10000), 0)").arg(r)),
        sumOf(QStringLiteral("%1 AND %2human_feedback = 'correct'").arg(valid, r)),
        sumOf(QStringLiteral("%1 AND %2human_feedback = 'incorrect'").arg(valid, r)),
        sumOf(QStringLiteral("%1 AND %2human_feedback = 'partially_correct'").arg(valid, r)),
        bucket(QStringLiteral("%1 < 0.5").arg(conf)),
        bucket(QStringLiteral("%1 >= 0.5 AND %1 < 0.7").arg(conf)),
        bucket(QStringLiteral("%1 >= 0.7 AND %1 < 0.85").arg(conf)),
        bucket(QStringLiteral("%1 >= 0.85 AND %1 < 0.95").arg(conf)),
        bucket(QStringLiteral("%1 >= 0.95").arg(conf)),
        sumOf(valid, QStringLiteral("ROUND(%1 * 10000)").arg(conf)),
        sumOf(valid, r + QStringLiteral("execution_time_ms")),
        sumOf(QStringLiteral("%1 < 0 OR %1 > 1").arg(conf)),
        sumOf(QStringLiteral("%1execution_time_ms < 0").arg(r)),
        sumOf(QStringLiteral("%1human_feedback IS NOT NULL AND %1human_feedback NOT IN"
                             " ('correct', 'incorrect', 'partially_correct')")
                  .arg(r)),
        d.isMySql() ? QStringLiteral("0")
                    : sumOf(QStringLiteral("NOT (json_valid(%1decision_made) AND json_valid(%1metadata))").arg(r)),
        sumOf(QStringLiteral("NOT ") + valid),
    };
}

std::vector<Migration> migrations()
{
    return {
        {20, QStringLiteral("rollup_hour"), migrationStatements},
        {21, QStringLiteral("rollup_day"), dayMigrationStatements},
        {22, QStringLiteral("rollup_percents"), percentsMigrationStatements},
        {33, QStringLiteral("rollup_filter_indexes"), filterIndexMigrationStatements},
        {35, QStringLiteral("rollup_versions"), versionsMigrationStatements},
    };
}

QStringList migrationStatements(const Dialect &d)
{
    QString counters;
    for (const QString &c : counterColumns())
        counters += QStringLiteral(", %1 BIGINT NOT NULL DEFAULT 0").arg(c);
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (hour_no BIGINT NOT NULL, agent_id %5 NOT NULL,"
                       " task_type %6 NOT NULL, day_no BIGINT NOT NULL%2,"
                       " lat_version BIGINT NOT NULL DEFAULT 0, lat_built BIGINT NOT NULL DEFAULT -1,"
                       " exec_min BIGINT NULL, exec_max BIGINT NULL, lat %3 NULL,"
                       " PRIMARY KEY (hour_no, agent_id, task_type))%4")
            .arg(QLatin1String(kHourTable), counters, d.blobType(), d.tableSuffix(), d.exactTextType(100),
                 d.exactTextType(50)),
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (name VARCHAR(50) NOT NULL PRIMARY KEY,"
                       " value BIGINT NOT NULL)%2")
            .arg(QLatin1String(kStateTable), d.tableSuffix()),
    };
}

QStringList dayMigrationStatements(const Dialect &d)
{
    QString counters;
    for (const QString &c : counterColumns())
        counters += QStringLiteral(", %1 BIGINT NOT NULL DEFAULT 0").arg(c);
    const QString calibration =
        QStringLiteral("cal_version BIGINT NOT NULL DEFAULT 0, cal_built BIGINT NOT NULL DEFAULT -1,"
                       " cal %1 NULL")
            .arg(d.blobType());
    QStringList s{QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (day_no BIGINT NOT NULL, agent_id %5 NOT NULL,"
                                 " task_type %6 NOT NULL%2,"
                                 " lat_version BIGINT NOT NULL DEFAULT 0, lat_built BIGINT NOT NULL DEFAULT -1,"
                                 " exec_min BIGINT NULL, exec_max BIGINT NULL, lat %3 NULL, %7,"
                                 " PRIMARY KEY (day_no, agent_id, task_type))%4")
                      .arg(QLatin1String(kDayTable), counters, d.blobType(), d.tableSuffix(), d.exactTextType(100),
                           d.exactTextType(50), calibration)};
    // One column per ALTER: SQLite adds one at a time.
    for (const QString &column : calibration.split(QStringLiteral(", ")))
        s << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(QLatin1String(kHourTable), column);
    // The day level and the calibration sections start empty: the rollups need a build.
    s << QStringLiteral("UPDATE %1 SET value = 0 WHERE name = 'ready'").arg(QLatin1String(kStateTable));
    return s;
}

QStringList percentsMigrationStatements(const Dialect &d)
{
    QStringList s;
    for (const char *table : {kHourTable, kDayTable}) {
        s << QStringLiteral("ALTER TABLE %1 ADD COLUMN calp %2 NULL").arg(QLatin1String(table), d.blobType());
        // Every calibration section is stale until rebuilt with its percents (by the next read
        // of its row, or `init --rebuild-rollups`).
        s << QStringLiteral("UPDATE %1 SET cal_built = -1").arg(QLatin1String(table));
    }
    return s;
}

QStringList filterIndexMigrationStatements(const Dialect &)
{
    QStringList s;
    for (const auto &[table, slot] : {std::pair{kHourTable, "hour_no"}, std::pair{kDayTable, "day_no"}}) {
        for (const char *column : {"agent_id", "task_type"})
            s << QStringLiteral("CREATE INDEX IF NOT EXISTS %1_%2 ON %1 (%2, %3)")
                     .arg(QLatin1String(table), QLatin1String(column), QLatin1String(slot));
    }
    return s;
}

QStringList versionsMigrationStatements(const Dialect &d)
{
    QStringList s;
    for (const char *table : {kHourTable, kDayTable}) {
        // Every section starts stale (version 0, built -1): the next read of its row, or
        // `init --rebuild-rollups`, builds it.
        for (const QString &column :
             {QStringLiteral("ver_version BIGINT NOT NULL DEFAULT 0"),
              QStringLiteral("ver_built BIGINT NOT NULL DEFAULT -1"), QStringLiteral("ver %1 NULL").arg(d.blobType())})
            s << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(QLatin1String(table), column);
    }
    return s;
}

// Generation 5: an UPDATE bumps the model-version section's version (migration 35).
// Generation 4: the UPDATE and DELETE triggers leave alone the rows a running build has still
// to add (generation 3 counted a change to them twice). Generation 3: a created_at that is not
// a time goes to kNoTimeSlot; generation 2 failed the writer's INSERT on it (NOT NULL hour_no).
QStringList triggerNames()
{
    return {QStringLiteral("atalaya_rollup5_ai"), QStringLiteral("atalaya_rollup5_au"),
            QStringLiteral("atalaya_rollup5_ad")};
}

QStringList obsoleteTriggerNames()
{
    return {QStringLiteral("atalaya_rollup_ai"),  QStringLiteral("atalaya_rollup_au"),
            QStringLiteral("atalaya_rollup_ad"),  QStringLiteral("atalaya_rollup2_ai"),
            QStringLiteral("atalaya_rollup2_au"), QStringLiteral("atalaya_rollup2_ad"),
            QStringLiteral("atalaya_rollup3_ai"), QStringLiteral("atalaya_rollup3_au"),
            QStringLiteral("atalaya_rollup3_ad"), QStringLiteral("atalaya_rollup4_ai"),
            QStringLiteral("atalaya_rollup4_au"), QStringLiteral("atalaya_rollup4_ad")};
}

QStringList triggerStatements(const Dialect &d)
{
    const QStringList names = triggerNames();
    auto flag = [](const QString &condition) {
        return QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(condition);
    };
    const QString newValid = flag(validExpression(d, QStringLiteral("NEW.")));
    const QString oldValid = flag(validExpression(d, QStringLiteral("OLD.")));
    const QString newReviewed = flag(reviewedExpression(d, QStringLiteral("NEW.")));
    const QString oldReviewed = flag(reviewedExpression(d, QStringLiteral("OLD.")));
    const QString moved = QStringLiteral("CASE WHEN %1 THEN 0 ELSE 1 END").arg(latencyUnchanged(d));
    const QString calMoved = calibrationMoved(d);
    const QString verMoved = versionsMoved(d);
    QStringList onInsert, onUpdate, onDelete;
    for (Level level : {Level::Hour, Level::Day}) {
        onInsert << applyRow(d, level, QStringLiteral("NEW."), 1, newValid, newReviewed, newValid);
        onUpdate << applyRow(d, level, QStringLiteral("OLD."), -1, moved, calMoved, verMoved)
                 << applyRow(d, level, QStringLiteral("NEW."), 1, moved, calMoved, verMoved);
        onDelete << applyRow(d, level, QStringLiteral("OLD."), -1, oldValid, oldReviewed, oldValid);
    }
    // A row up to the cut is the build's until its scan's snapshot is taken (build_done moves then).
    const QString reached = awaitsNoChunk(d, QLatin1String(kStateTable), {}, false, QStringLiteral("OLD.id"));
    if (d.isMySql())
        return {mysqlTrigger(names[0], QStringLiteral("INSERT"), onInsert),
                mysqlTrigger(names[1], QStringLiteral("UPDATE"), onUpdate, reached),
                mysqlTrigger(names[2], QStringLiteral("DELETE"), onDelete, reached)};
    return {sqliteTrigger(names[0], QStringLiteral("INSERT"), onInsert),
            sqliteTrigger(names[1], QStringLiteral("UPDATE"), onUpdate, reached),
            sqliteTrigger(names[2], QStringLiteral("DELETE"), onDelete, reached)};
}

}  // namespace atalaya::rollup

#pragma once

#include "core/storage/Dialect.h"
#include "core/storage/Migrations.h"

#include <QStringList>

namespace atalaya::rollup {

// atalaya_rollup_hour: one row per (UTC hour, agent, task type) of ai_telemetry with exact
// integer counters (kept in step by triggers, or by the app in the same transaction) and a
// latency section (min, max, LatencySketch BLOB) that is valid while lat_built = lat_version;
// every change that can move it bumps lat_version, and readers rebuild stale hours from raw.
inline constexpr const char *kHourTable = "atalaya_rollup_hour";
// atalaya_rollup_day: the same per (UTC day, agent, task type), kept in step the same way, so a
// long window reads one row per day and key; its sections are rebuilt by merging its hours'.
// Both levels carry a calibration section (cal: CalibrationCells BLOB of the reviewed rows, calp:
// the same per percent) valid while cal_built = cal_version.
inline constexpr const char *kDayTable = "atalaya_rollup_day";
inline constexpr const char *kStateTable = "atalaya_rollup_state";

enum class Level { Hour, Day };
QString tableOf(Level level);

// The counter columns, in the order of counterExpressions().
const QStringList &counterColumns();
// The index of each counter in counterColumns(), for code that sums them in C++.
namespace counter {
enum Index {
    N,
    Fb,
    AccSum,
    Correct,
    Incorrect,
    Partial,
    B0,
    B1,
    B2,
    B3,
    B4,
    ConfSum,
    ExecSum,
    DqConf,
    DqNeg,
    DqFb,
    DqJson,
    DqExcluded,
    Count
};
}  // namespace counter
// For a row reference ("NEW.", "OLD." or "" for the table itself): the SQL expression of
// each counter's contribution of that row, following StatsService's validity rules.
QStringList counterExpressions(const Dialect &d, const QString &row);
// 1 when the row counts (the seed's ranges), as SQL.
QString validExpression(const Dialect &d, const QString &row);

// 1 when the row counts in calibration (valid, reviewed, with an accuracy), as SQL.
QString reviewedExpression(const Dialect &d, const QString &row);

// Migrations 20–22, 33 and 35, the statements below.
std::vector<Migration> migrations();

QStringList migrationStatements(const Dialect &d);
// Migration 21: the day table, the calibration sections, and a rebuild.
QStringList dayMigrationStatements(const Dialect &d);
// Migration 22: calp, the calibration cells per percent (CalibrationCells::serializePercents),
// next to cal in both levels' calibration sections.
QStringList percentsMigrationStatements(const Dialect &d);
// Secondary indexes for the agent and task-type filters: without them a filtered read of the
// window reads every agent's rows of its days and hours, BLOBs included (docs/performance/SCALING.md).
QStringList filterIndexMigrationStatements(const Dialect &d);
// Migration 35: the model-version section (ver: a VersionCells BLOB of the valid rows per
// metadata.model_version) on both levels, valid while ver_built = ver_version.
QStringList versionsMigrationStatements(const Dialect &d);

// Trigger names and their DDL (CREATE TRIGGER, without IF NOT EXISTS: MySQL 8.0 lacks it).
QStringList triggerNames();
// Triggers of earlier schema versions, dropped when the current ones are installed.
QStringList obsoleteTriggerNames();
QStringList triggerStatements(const Dialect &d);

}  // namespace atalaya::rollup

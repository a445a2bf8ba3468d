#pragma once

#include "storage/Dialect.h"

#include <QStringList>

namespace atalaya::rollup {

// atalaya_rollup_hour: one row per (UTC hour, agent, task type) of ai_telemetry with exact
// integer counters (kept in step by triggers, or by the app in the same transaction) and a
// latency section (min, max, LatencySketch BLOB) that is valid while lat_built = lat_version;
// every change that can move it bumps lat_version, and readers rebuild stale hours from raw.
inline constexpr const char *kHourTable = "atalaya_rollup_hour";
inline constexpr const char *kStateTable = "atalaya_rollup_state";

// The counter columns, in the order of counterExpressions().
const QStringList &counterColumns();
// For a row reference ("NEW.", "OLD." or "" for the table itself): the SQL expression of
// each counter's contribution of that row, following StatsService's validity rules.
QStringList counterExpressions(const Dialect &d, const QString &row);
// 1 when the row counts (the seed's ranges), as SQL.
QString validExpression(const Dialect &d, const QString &row);

QStringList migrationStatements(const Dialect &d);

// Trigger names and their DDL (CREATE TRIGGER, without IF NOT EXISTS: MySQL 8.0 lacks it).
QStringList triggerNames();
QStringList triggerStatements(const Dialect &d);

// MariaDB/MySQL session variable that tells the triggers the app maintains the rollups of
// this session's own writes itself (bulk ingest); other sessions never set it.
inline constexpr const char *kAppMaintainsVariable = "@atalaya_rollup_by_app";

} // namespace atalaya::rollup

#pragma once

#include "core/common/Result.h"

#include <QStringList>

#include <chrono>

namespace atalaya {

class Database;

// Whether every trigger in `names` exists on ai_telemetry: the derived tables (rollups, queue
// counts) are trusted only while their triggers keep them in step. Reads ask on every call and
// information_schema.triggers costs 5–10 ms a query on MariaDB, so the trigger list is cached
// per open Database and read again once it is older than telemetryTriggersRecheckInterval().
// This process forgets it at once when it creates or drops triggers; a trigger dropped by
// another system is noticed within the interval, and until then reads may still trust the
// derived tables (missing at most the writes of those seconds). Falling back to the raw rows
// after that is exact again.
Result<bool> telemetryTriggersExist(const Database &db, const QStringList &names);

// After this process created or dropped triggers on ai_telemetry.
void forgetTelemetryTriggers(const Database &db);

// MariaDB/MySQL session variable that tells the triggers of the rollups and of the queue counts
// that the app maintains those tables for this session's own writes itself (bulk ingest,
// DecisionWriter's observers); other sessions never set it.
inline constexpr const char *kAppMaintainsVariable = "@atalaya_rollup_by_app";

std::chrono::milliseconds telemetryTriggersRecheckInterval();
// Tests shorten it to watch a trigger dropped behind the app's back being noticed.
void setTelemetryTriggersRecheckInterval(std::chrono::milliseconds interval);

}  // namespace atalaya

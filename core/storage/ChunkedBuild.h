#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace atalaya {

class Database;
class Dialect;

// Building a derived table (rollups, queue counts) from an ai_telemetry that other
// applications keep writing (docs/DATA.md, "Building on a live table"): its triggers are
// created first, at a cut id, so every row with id <= cut was written without them and every
// later row with them; the rows up to the cut are then read in short transactions by id range
// (core/storage/LiveScan.h) and their sums added to what the triggers wrote.

// Where a build records its cut (and build_done = 0): `record` writes the state rows of
// `table`. The UPDATE and DELETE triggers read them (awaitsNoChunk), so they are written
// before those triggers exist (with no cut yet: every row awaits the scan) and again with the
// cut while no row can be written.
struct CutState {
    QString table;
    std::function<Status(qint64 cut)> record;
};

// Creates the triggers of `statements` (the INSERT trigger first) and returns the cut: the
// largest id of ai_telemetry while no row could be written (MySQL: the UPDATE and DELETE
// triggers first, then the cut, its record and the INSERT trigger under LOCK TABLES
// ai_telemetry WRITE, held for those statements; SQLite: one transaction).
Result<qint64> createTriggersAtCut(const Database &db, const QStringList &statements, const QString &what,
                                   const CutState &state);

// An SQL condition for an UPDATE or DELETE trigger: false while a build is running and the
// row `id` (e.g. "OLD.id") lies in (build_done, build_cut], which a chunk of the build's scan
// will read as it is then (runLiveScan); true otherwise, also when the state rows are absent
// (no build). The state rows are read from `stateTable` by primary key; `extraKey` is another key column's
// condition ("rules_id = '…'") and `textValues` says the value column is text.
QString awaitsNoChunk(const Dialect &d, const QString &stateTable, const QString &extraKey, bool textValues,
                      const QString &id);

}  // namespace atalaya

#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace atalaya {

class Database;
class Dialect;

// Building a derived table (rollups, queue counts) from an ai_telemetry that other
// applications keep writing (docs/DATA.md, "Building on a live table"): its triggers are
// created first, at a cut id, so every row with id <= cut was written without them and every
// later row with them; the rows up to the cut are then read once from a snapshot taken as the
// UPDATE and DELETE triggers take them over, and their sums added to what the triggers wrote.

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
// row `id` (e.g. "OLD.id") lies in (build_done, build_cut], which the build's scan will read
// from its snapshot (runLiveScan moves build_done to the cut as the snapshot is taken); true
// otherwise, also when the state rows are absent (no build). The
// state rows are read from `stateTable` by primary key; `extraKey` is another key column's
// condition ("rules_id = '…'") and `textValues` says the value column is text.
QString awaitsNoChunk(const Dialect &d, const QString &stateTable, const QString &extraKey, bool textValues,
                      const QString &id);

// One row of a live scan, by column (0 is the first of the part's columns).
class ScanRow {
public:
    virtual ~ScanRow() = default;
    virtual bool isNull(int column) const = 0;
    // Integers, and decimals rounded to the nearest one; 0 for NULL.
    virtual qint64 integer(int column) const = 0;
    // Text and binary values as stored.
    virtual QByteArray bytes(int column) const = 0;
};

// One derived table's share of a live scan (runLiveScan): the rows id <= cut as they were when
// its triggers took over from them.
struct LiveScanPart {
    QString what;  // "rollup counters": its progress lines' name
    qint64 cut = 0;
    // SQL expressions over an ai_telemetry row, with their bound values in order.
    QStringList columns;
    QVariantList values;
    // Sets build_done = cut: from then on the UPDATE and DELETE triggers apply every change.
    // Runs in the arming transaction, on another connection than the scan's.
    std::function<Status()> arm;
    // One row (id <= cut) of the snapshot, with this part's columns.
    std::function<void(const ScanRow &row)> add;
    // Adds what add() gathered to the derived rows, after the scan (short statements: other
    // writers' triggers wait for one at most).
    std::function<Status(const ProgressFn &progress)> write;
};

// Reads every row up to the parts' cuts once, as of the instant the parts' triggers took them
// over, and hands each to the parts whose cut covers it; then lets each part write. The instant
// (docs/DATA.md, "Building on a live table"): another connection moves every part's build_done
// to its cut in one transaction and, while it holds those rows, this one opens a consistent
// snapshot; a writer's change to an old row is then either in the snapshot (committed before,
// its trigger skipped it) or applied by its trigger after the commit (it waited on build_done),
// never both. No lock on ai_telemetry is taken: other writers never wait for the scan.
Status runLiveScan(const Database &db, const std::vector<LiveScanPart *> &parts, const ProgressFn &progress = {});

// Tests: the scan reads `rows` ids at a time, and stops with an error after `maxChunks` reads
// (as a killed build would); 0 restores the defaults.
void setChunkLimitsForTesting(int rows, int maxChunks);

}  // namespace atalaya

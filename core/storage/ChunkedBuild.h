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
// later row with them; the rows up to the cut are then added in short transactions by id
// range, each recording how far it got, so a killed build continues where it stopped.

// Where a build records its cut (and build_done = 0): `record` writes the state rows of
// `table`. The UPDATE and DELETE triggers read them (awaitsNoChunk), so they are written
// before those triggers exist (with no cut yet: every row awaits the chunks) and again with the
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
// row `id` (e.g. "OLD.id") lies in (build_done, build_cut], which its chunk will add with the
// values it has then; true otherwise, also when the state rows are absent (no build). The
// state rows are read from `stateTable` by primary key; `extraKey` is another key column's
// condition ("rules_id = '…'") and `textValues` says the value column is text.
QString awaitsNoChunk(const Dialect &d, const QString &stateTable, const QString &extraKey, bool textValues,
                      const QString &id);

struct ChunkedBuild {
    // Adds the rows from < id <= to; runs inside the chunk's transaction.
    std::function<Status(qint64 from, qint64 to)> addRows;
    // Records that every row up to `done` was added; in the same transaction.
    std::function<Status(qint64 done)> recordDone;
    QString what;  // "rollup counters": the progress line's name
};

// Adds the rows done < id <= cut in chunks sized so that each transaction takes ~60 ms (the
// longest another writer may wait on its locks), reporting progress about every 5 %.
Status runChunks(const Database &db, qint64 done, qint64 cut, const ChunkedBuild &build,
                 const ProgressFn &progress = {});

// Tests: chunks of exactly `rows` rows, and a build that stops with an error after
// `maxChunks` chunks (as a killed one would); 0 restores the defaults.
void setChunkLimitsForTesting(int rows, int maxChunks);

}  // namespace atalaya

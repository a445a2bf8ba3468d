#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/storage/ScanRow.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <vector>

namespace atalaya {

class Database;
class Dialect;

// One derived table's share of a live scan (runLiveScan), after its triggers were created at a
// cut (core/storage/ChunkedBuild.h): the rows done < id <= cut.
struct LiveScanPart {
    QString what;  // "rollup counters": its progress lines' name
    QString journal;  // its name in atalaya_build_journal
    qint64 cut = 0;
    // Every row up to here is in the part's journal (a build that was stopped); 0 to start.
    qint64 done = 0;
    // SQL expressions over an ai_telemetry row, with their bound values in order.
    QStringList columns;
    QVariantList values;
    // Records build_done = `done` in the chunk's transaction, beside its journal rows: from then
    // on the UPDATE and DELETE triggers apply every change of those rows.
    std::function<Status(qint64 done)> recordDone;
    // One row, with this part's columns, as its chunk read it (or as the journal replays it).
    std::function<void(const ScanRow &row)> add;
    // Adds what add() gathered to the derived rows, after the scan (short statements: other
    // writers' triggers wait for one at most).
    std::function<Status(const ProgressFn &progress)> write;
};

// Hands each part the rows of its journal, then reads the rows after them up to the parts' cuts
// in chunks of ~60 ms by id, each in a transaction that holds the rows it reads (shared locks),
// keeps what each part read of them in the journal and moves the parts' build_done past them.
// A writer's change to an old row therefore either comes before the chunk reads it (its trigger
// skipped it: build_done was below) or waits for the chunk's commit and is applied by its
// trigger, never both, and a build stopped during the scan continues from its journal. Then
// forgets the journals and lets each part write (a build stopped while writing starts over:
// scanJournalCovers is then false).
Status runLiveScan(const Database &db, const std::vector<LiveScanPart *> &parts, const ProgressFn &progress = {});

// A part's journal rows, forgotten when its build starts over.
Status forgetScanJournal(const Database &db, const QString &journal);
// Whether a stopped build's journal holds every row up to its build_done (every chunk leaves a
// journal row, an empty one when it read none of the part's rows).
Result<bool> scanJournalCovers(const Database &db, const QString &journal, qint64 done);

// The journal table (a migration of the storage layer).
QStringList scanJournalMigration(const Dialect &d);

// Tests: chunks of exactly `rows` ids, and a scan that stops with an error after `maxChunks`
// chunks (as a killed build would); 0 restores the defaults.
void setChunkLimitsForTesting(int rows, int maxChunks);

}  // namespace atalaya

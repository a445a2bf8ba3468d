#pragma once

#include "core/common/Result.h"
#include "core/telemetry/StoredDecision.h"

#include <QSqlQuery>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;
class DecisionLoader;
class MySqlStatement;
class QueuePriorityGuess;
namespace rollup {
class AppMaintainedRollups;
class RollupContributions;
}  // namespace rollup
namespace queuecounts {
class QueueCountsBatch;
}  // namespace queuecounts

struct BatchReport {
    qint64 inserted = 0;
    qint64 firstId = 0;
    qint64 lastId = 0;
};

// Inserts decisions in the order given, all in one transaction on this thread's connection:
// a run is written whole or not at all, whatever fails and wherever. On MySQL rows go out as
// LOAD DATA LOCAL streamed from memory (no per-value parameter cost on the server), falling
// back for the rest of the run to natively bound multi-row INSERTs when the server refuses it
// or takes a statement's rows with any warning (that statement is undone to a savepoint and
// redone as INSERTs, which then fail exactly as they always did); SQLite gets multi-row
// INSERTs. On MySQL the rollup contributions of the
// whole run go in as one upsert per touched hour row just before the commit, so the rollup
// rows are locked only for that moment; the queue counts of the run's ids follow the same way.
class DecisionWriter {
public:
    explicit DecisionWriter(const Database &db);
    ~DecisionWriter();  // rolls back a run that was begun but neither committed nor rolled back
    DecisionWriter(const DecisionWriter &) = delete;
    DecisionWriter &operator=(const DecisionWriter &) = delete;

    Status begin();
    // Who adds the rows' rollup contributions: the writer, or the caller on its own thread,
    // handing them over with addRollups() before commit().
    enum class Rollups { AddHere, AddedByCaller };
    // Queues rows; every full statement runs at once. On MySQL the rows stream to the server
    // as they come (one LOAD DATA statement open across calls).
    Status write(std::vector<StoredDecision> &&rows, Rollups rollups = Rollups::AddHere);
    // Ends the statement the rows are streaming into, so the server does not wait on the
    // caller's next rows (holding the table's AUTO-INC lock, and towards its read timeout).
    Status pause();
    // After begin(): whether rows need rollup contributions (MySQL with rollup triggers).
    bool rollupsActive() const;
    void addRollups(rollup::RollupContributions &&contributions);
    Result<BatchReport> commit();
    void rollback();
    qint64 written() const { return m_report.inserted; }
    // After begin(): per queue-count rule set, what the caller may use to fill in
    // StoredDecision::queuePriorities (null: leave it unknown).
    std::vector<const QueuePriorityGuess *> queuePriorityGuesses() const;

private:
    Status runPending();
    Status runMySql(int rows);
    Status insertMySql(int start, int rows);
    Status runQt(int rows);
    QString what(int rows) const;
    // The rows m_pending[start, start + rows) got the ids from first on.
    void noteIds(qint64 first, int start, int rows);
    // Adds the rows of the last statement that ran to the queue counts.
    void countWritten();

    struct IdRange {
        qint64 first;
        int start;
        int rows;
    };
    // A statement's rows and their ids, kept until the next statement runs: counting them
    // for the queue then overlaps the server's work.
    struct Written {
        std::vector<StoredDecision> rows;
        std::vector<IdRange> ranges;
    };

    const Database &m_db;
    int m_rowsPerStatement;
    bool m_open = false;
    std::vector<StoredDecision> m_pending;
    std::vector<IdRange> m_ranges;  // of m_pending's rows that have ids
    Written m_written;
    BatchReport m_report;
    std::unique_ptr<rollup::AppMaintainedRollups> m_rollups;
    std::unique_ptr<queuecounts::QueueCountsBatch> m_queueCounts;
    std::unique_ptr<DecisionLoader> m_loader;  // MySQL, until the server refuses LOAD DATA once
    std::unique_ptr<MySqlStatement> m_full;
    std::optional<QSqlQuery> m_fullQt;
};

}  // namespace atalaya

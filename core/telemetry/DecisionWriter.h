#pragma once

#include "core/common/Result.h"
#include "core/telemetry/DecisionWriteObserver.h"
#include "core/telemetry/StoredDecision.h"

#include <QSqlQuery>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;
class DecisionLoader;
class MySqlStatement;

struct BatchReport {
    qint64 inserted = 0;
    // The rows' ids are firstId, firstId + idStep, … lastId. idStep is the server's
    // auto_increment_increment: 1 on one server, the number of nodes on a Galera cluster
    // (wsrep_auto_increment_control), whose nodes hand out interleaved ids.
    qint64 firstId = 0;
    qint64 lastId = 0;
    qint64 idStep = 1;
};

// Inserts decisions in the order given, all in one transaction on this thread's connection:
// a run is written whole or not at all, whatever fails and wherever. On MySQL rows go out as
// LOAD DATA LOCAL streamed from memory (no per-value parameter cost on the server), falling
// back for the rest of the run to natively bound multi-row INSERTs when the server refuses it
// or takes a statement's rows with any warning (that statement is undone to a savepoint and
// redone as INSERTs, which then fail exactly as they always did); SQLite gets multi-row
// INSERTs. The observers keep the derived tables in step in the same transaction (core/ingest
// makes the writer with the rollups' and the queue counts'); they write what the whole run adds
// just before the commit, so their rows are locked only for that moment.
class DecisionWriter {
public:
    DecisionWriter(const Database &db, std::vector<std::unique_ptr<DecisionWriteObserver>> observers);
    ~DecisionWriter();  // rolls back a run that was begun but neither committed nor rolled back
    DecisionWriter(const DecisionWriter &) = delete;
    DecisionWriter &operator=(const DecisionWriter &) = delete;

    Status begin();
    // The observers' per-row work for rows the caller makes on another thread; its rows are
    // written with Prepared::ByCaller and it comes back through addPrepared() before commit().
    class Preparation {
    public:
        void prepare(const DecisionInput &decision, StoredDecision &row)
        {
            for (const std::unique_ptr<RowPreparer> &p : m_preparers) {
                if (p)
                    p->prepare(decision, row);
            }
        }

    private:
        friend class DecisionWriter;
        std::vector<std::unique_ptr<RowPreparer>> m_preparers;  // one per observer
    };
    // After begin(), for this run.
    Preparation preparation() const;
    void addPrepared(Preparation &&preparation);
    enum class Prepared { No, ByCaller };
    // Queues rows; every full statement runs at once. On MySQL the rows stream to the server
    // as they come (one LOAD DATA statement open across calls).
    Status write(std::vector<StoredDecision> &&rows, Prepared prepared = Prepared::No);
    // Ends the statement the rows are streaming into, so the server does not wait on the
    // caller's next rows (holding the table's AUTO-INC lock, and towards its read timeout).
    Status pause();
    Result<BatchReport> commit();
    void rollback();
    qint64 written() const { return m_report.inserted; }

private:
    Status runPending();
    Status runMySql(int rows);
    Status insertMySql(int start, int rows);
    Status runQt(int rows);
    QString what(int rows) const;
    // The rows m_pending[start, start + rows) got the ids from first on, m_report.idStep apart.
    void noteIds(qint64 first, int start, int rows);
    // Hands the rows of the last statement that ran, with their ids, to the observers.
    void deliverWritten();
    void endObservers();

    struct IdRange {
        qint64 first;
        int start;
        int rows;
    };
    // A statement's rows and their ids, kept until the next statement runs: the observers'
    // work on them then overlaps the server's.
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
    const std::vector<std::unique_ptr<DecisionWriteObserver>> m_observers;
    bool m_observing = false;  // begun, not yet ended
    std::unique_ptr<DecisionLoader> m_loader;  // MySQL, until the server refuses LOAD DATA once
    std::unique_ptr<MySqlStatement> m_full;
    std::optional<QSqlQuery> m_fullQt;
};

}  // namespace atalaya

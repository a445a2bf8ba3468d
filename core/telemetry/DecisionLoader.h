#pragma once

#include "core/common/Result.h"
#include "core/telemetry/StoredDecision.h"

#include <memory>
#include <optional>

namespace atalaya {

class Database;
class LocalLoad;
class TsvRows;

// DecisionWriter's way of sending rows on MySQL: LOAD DATA LOCAL streamed from memory
// (MySqlLocalLoad) while the rows are still being added, which spares the server the per-value
// cost of bound parameters (docs/performance/INGEST.md) and lets it work while the client encodes.
// Call inside the run's transaction; between begin() and end() the connection is the
// statement's.
//
// Ids: LOAD DATA does not know its row count, so the server reserves AUTO_INCREMENT values
// in growing blocks and drops the unused rest at the end of each statement (gaps of up to
// half a statement between statements). docs/CLI.md promises consecutive ids when no one else
// inserts, so every load after the first gives its rows the ids that follow the previous
// load's last one, when the table's AUTO_INCREMENT has not moved since that load (nobody
// else has inserted, committed or not). If someone takes one of those ids in between, the
// load does not take every row and the caller falls back as below.
class DecisionLoader {
public:
    explicit DecisionLoader(const Database &db);
    ~DecisionLoader();

    // Starts a statement: a savepoint, then LOAD DATA on its own thread, fed by add().
    Status begin(const QString &what);
    bool open() const { return m_load != nullptr; }
    void add(const StoredDecision &row);
    // Ends the statement. The first id of its rows (consecutive in order), or nullopt when the
    // server refused LOAD DATA or did not take every row cleanly (LOCAL turns data errors into
    // warnings): then nothing of these rows stays (the savepoint), the reason is logged, and
    // the caller writes them another way, which reports any data error as it always did.
    Result<std::optional<qint64>> end(const QString &what);

private:
    Result<qint64> autoIncrement(const QString &what) const;
    void send();

    const Database &m_db;
    std::unique_ptr<LocalLoad> m_load;
    std::unique_ptr<TsvRows> m_tsv;  // encoded rows not yet handed to the statement
    bool m_givenIds = false;  // this statement names its rows' ids
    bool m_sending = true;  // false once the statement stopped reading (refused or failed)
    qint64 m_rows = 0;  // rows added to this statement
    qint64 m_nextId = 0;  // the id after the last loaded row; 0 before the first load
    qint64 m_counterAfter = 0;  // the table's AUTO_INCREMENT right after the last load
};

}  // namespace atalaya

#pragma once

#include "common/Result.h"
#include "telemetry/StoredDecision.h"

#include <optional>
#include <vector>

namespace atalaya {

class Database;

// DecisionWriter's way of sending rows on MySQL: LOAD DATA LOCAL streamed from memory
// (MySqlLocalLoad), which spares the server the per-value cost of bound parameters
// (bench/INGEST.md). Call inside the run's transaction.
//
// Ids: LOAD DATA does not know its row count up front, so the server reserves AUTO_INCREMENT
// values in growing blocks and drops the unused rest at the end of each statement (gaps of up
// to half a statement between statements). CLI.md promises consecutive ids when no one else
// inserts, so every load after the first gives its rows the ids that follow the previous
// load's last one, when the table's AUTO_INCREMENT has not moved since that load (nobody
// else has inserted, committed or not). If someone takes one of those ids in between, the
// load does not take every row and the caller falls back as below.
class DecisionLoader {
public:
    explicit DecisionLoader(const Database &db);

    // The first id of the rows (consecutive in order), or nullopt when the server refused
    // LOAD DATA or did not take every row cleanly (LOCAL turns data errors into warnings):
    // then nothing of these rows stays (a savepoint), the reason is logged, and the caller
    // writes them another way, which reports any data error as it always did.
    Result<std::optional<qint64>> load(const std::vector<StoredDecision> &rows, const QString &what);

private:
    Result<qint64> autoIncrement(const QString &what) const;

    const Database &m_db;
    qint64 m_nextId = 0;        // the id after the last loaded row; 0 before the first load
    qint64 m_counterAfter = 0;  // the table's AUTO_INCREMENT right after the last load
};

} // namespace atalaya

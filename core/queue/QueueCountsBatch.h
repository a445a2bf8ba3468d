#pragma once

#include "common/Result.h"
#include "queue/QueuePriorityGuess.h"
#include "queue/ReviewRules.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <tuple>

#include <optional>
#include <utility>
#include <vector>

class QSqlQuery;

namespace atalaya {
class Database;
struct StoredDecision;
}

namespace atalaya::queuecounts {

// The app's bulk ingest on MySQL tells the triggers to stand aside (rollup::AppMaintainedRollups),
// so it adds its rows to the queue counts itself, in the rows' transaction: rows whose
// priority the client worked out (QueuePriorityGuess) are counted as they are written; the
// rest are read back by id range and evaluated by the same SQL as the triggers.
class QueueCountsBatch {
public:
    // active() when the triggers stand aside and queue count triggers exist.
    QueueCountsBatch(const Database &db, bool triggersStandAside);

    bool active() const { return m_rules.has_value(); }
    // Set when the client may work out priorities (see StoredDecision::queuePriority).
    const QueuePriorityGuess *guess() const { return m_guess && m_guess->active() ? &*m_guess : nullptr; }
    // A row just written with this id.
    void add(qint64 id, const StoredDecision &row);
    // Adds the counts of the rows of the ids added since the last flush; call inside their
    // transaction.
    Status flush();

private:
    const Database &m_db;
    using Counts = std::map<std::tuple<qint64, QByteArray, qint64>, qint64>;  // (hour, agent, code) → rows
    void addIds(qint64 first, qint64 last);
    Status readBack(Counts &added);
    Status readBack(Counts &added, const QString &idCondition, size_t runs,
                    const std::function<void(QSqlQuery &, int, size_t)> &bindIds);

    std::optional<ReviewRules> m_rules;
    std::optional<QueuePriorityGuess> m_guess;
    std::vector<std::pair<qint64, qint64>> m_ranges;  // rows to read back
    Counts m_counted;
};

} // namespace atalaya::queuecounts

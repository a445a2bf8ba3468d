#pragma once

#include "core/common/Result.h"
#include "core/queue/QueuePriorityGuess.h"
#include "core/queue/ReviewRules.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

class QSqlQuery;

namespace atalaya {
class Database;
struct StoredDecision;
}  // namespace atalaya

namespace atalaya::queuecounts {

// The app's bulk ingest on MySQL tells the triggers to stand aside (rollup::AppMaintainedRollups),
// so it adds its rows to the queue counts of every rule set with triggers itself, in the rows'
// transaction: rows whose priority the client worked out (QueuePriorityGuess) are counted as
// they are written; the rest are read back by id range and evaluated by the triggers' SQL.
class QueueCountsBatch {
public:
    // active() when the triggers stand aside and queue count triggers exist.
    QueueCountsBatch(const Database &db, bool triggersStandAside);

    bool active() const { return !m_sets.empty(); }
    // One per rule set, in the order of StoredDecision::queuePriorities; null where the client
    // cannot work priorities out for that set.
    std::vector<const QueuePriorityGuess *> guesses() const;
    // A row just written with this id.
    void add(qint64 id, const StoredDecision &row);
    // Adds the counts gathered since the last flush; call inside the rows' transaction.
    Status flush();

private:
    using Counts = std::map<std::tuple<qint64, QByteArray, qint64>, qint64>;  // (hour, agent, code) → rows
    struct RuleSet {
        ReviewRules rules;
        QueuePriorityGuess guess;
        QByteArray id;
        Counts counted;
        std::vector<std::pair<qint64, qint64>> ranges;  // rows to read back
    };
    Status flush(RuleSet &set);
    Status readBack(RuleSet &set);
    Status readBack(RuleSet &set, const QString &idCondition, size_t runs,
                    const std::function<void(QSqlQuery &, int, size_t)> &bindIds);

    const Database &m_db;
    std::vector<RuleSet> m_sets;
};

}  // namespace atalaya::queuecounts

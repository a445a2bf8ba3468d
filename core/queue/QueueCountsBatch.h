#pragma once

#include "common/Result.h"
#include "queue/ReviewRules.h"

#include <utility>
#include <vector>

namespace atalaya {
class Database;
}

namespace atalaya::queuecounts {

// The app's bulk ingest on MySQL tells the triggers to stand aside (rollup::AppMaintainedRollups),
// so it adds its rows to the queue counts itself: one grouped read of the rows it just wrote,
// by id range, evaluated by the same SQL as the triggers, in the rows' transaction.
class QueueCountsBatch {
public:
    // active() when the triggers stand aside and queue count triggers exist.
    QueueCountsBatch(const Database &db, bool triggersStandAside);

    bool active() const { return !m_ruleSets.empty(); }
    void addIds(qint64 first, qint64 last);
    // Adds the counts of the rows of the ids added since the last flush, for every rule set
    // with triggers; call inside their transaction.
    Status flush();

private:
    Status flushFor(const ReviewRules &rules) const;

    const Database &m_db;
    std::vector<ReviewRules> m_ruleSets;
    std::vector<std::pair<qint64, qint64>> m_ranges;
};

} // namespace atalaya::queuecounts

#pragma once

#include "core/common/Result.h"
#include "core/queue/QueuePriorityGuess.h"
#include "core/queue/ReviewRules.h"
#include "core/telemetry/DecisionWriteObserver.h"

#include <QByteArray>

#include <functional>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

class QSqlQuery;

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::queuecounts {

// The app's bulk ingest on MySQL tells the triggers to stand aside (rollup::AppMaintainedRollups),
// so it adds its rows to the queue counts of every rule set with triggers itself, in the rows'
// transaction: rows whose priority the client worked out (QueuePriorityGuess, on the thread
// that made them) are counted as they are written; the rest are read back by id range and
// evaluated by the triggers' SQL.
class QueueCountsBatch final : public DecisionWriteObserver {
public:
    // triggersStandAside: asked at begin(), after the observers before this one began.
    QueueCountsBatch(const Database &db, std::function<bool()> triggersStandAside);

    // active() when the triggers stand aside and queue count triggers exist.
    void begin() override;
    bool active() const { return !m_sets.empty(); }
    // Each row's priority under every rule set, kept in StoredDecision::observerNotes in the
    // order of the sets.
    std::unique_ptr<RowPreparer> preparer() const override;
    bool usesIds() const override { return true; }
    void written(qint64 firstId, qint64 step, std::span<const StoredDecision> rows) override;
    // Adds the counts gathered so far; inside the rows' transaction.
    Status commit() override;
    void end() override;

private:
    // A row just written with this id.
    void add(qint64 id, const StoredDecision &row);

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
    const std::function<bool()> m_triggersStandAside;
    std::vector<RuleSet> m_sets;
};

}  // namespace atalaya::queuecounts

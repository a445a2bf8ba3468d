#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskFeatures.h"

#include <memory>

namespace atalaya {

class Database;

// Reads delivery cycles from dora_metrics (docs/DATA.md) for the risk model. The same SQL runs
// on SQLite and MySQL; all derivations happen in RiskFeatures on the rows read.
class RiskDataSource {
public:
    explicit RiskDataSource(std::shared_ptr<const Database> db);

    // Cycles whose deployment row is at or after `from`, with their 7-day windows.
    Result<ExtractionReport> history(const QDateTime &from) const;
    // One cycle's features and label; NotFound (3) for an unknown cycle or one without a
    // deployment row, Usage (2) naming the feature for an invalid stored value.
    Result<CycleSample> cycle(const QString &cycleId) const;
    // Cycles with a deployment row but no outcome yet (no maintenance row, not refused, no
    // deployment_failed in its metadata: docs/RISK_MODEL.md §Batch checks), oldest first.
    Result<QStringList> pendingCycles() const;
    // The latest cycles with a deployment row, newest first (the GUI's picker).
    Result<QStringList> recentCycles(int limit) const;

private:
    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

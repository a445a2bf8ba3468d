#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Decision.h"
#include "core/telemetry/DecisionWriter.h"

#include <functional>
#include <memory>
#include <vector>

namespace atalaya {

class Database;

// One stored decision, for detail panes and exports.
struct DecisionRow {
    qint64 id = 0;
    QString agentId;
    QString taskType;
    QByteArray decisionJson;
    double confidence = 0.0;
    QString humanFeedback;  // empty when pending
    std::optional<double> accuracy;
    qint64 executionTimeMs = 0;
    QByteArray metadataJson;
    QDateTime createdAt;
};

// Writes and reads rows of ai_telemetry. Bulk writes are multi-row INSERTs in one transaction
// (DecisionWriter; docs/PERFORMANCE.md: ~20× faster than row by row on MariaDB).
class TelemetryRepository {
public:
    explicit TelemetryRepository(std::shared_ptr<const Database> db);

    Result<RecordedDecision> record(const DecisionInput &decision) const;
    // Inserts in the given order, all or nothing (one transaction). `progress(done)` reports
    // rows sent so far; they are committed together at the end.
    Result<BatchReport> recordBatch(const std::vector<DecisionInput> &decisions,
                                    const std::function<void(qint64)> &progress = {}) const;

    Result<DecisionRow> find(qint64 id) const;
    Result<bool> agentExists(const QString &agentId) const;

private:
    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/telemetry/Decision.h"

#include <memory>

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

// Reads rows of ai_telemetry (core/ingest's DecisionRecorder writes them).
class TelemetryRepository {
public:
    explicit TelemetryRepository(std::shared_ptr<const Database> db);

    Result<DecisionRow> find(qint64 id) const;
    Result<bool> agentExists(const QString &agentId) const;

private:
    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

#include "core/ingest/DecisionRecorder.h"

#include "core/ingest/DecisionWriters.h"
#include "core/logging/Logging.h"
#include "core/storage/Database.h"
#include "core/telemetry/TelemetryRepository.h"

namespace atalaya {

DecisionRecorder::DecisionRecorder(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<RecordedDecision> DecisionRecorder::record(const DecisionInput &decision) const
{
    auto batch = recordBatch({decision});
    if (!batch)
        return batch.error();
    RecordedDecision r;
    r.id = batch->firstId;
    r.agentId = decision.agentId;
    r.taskType = decision.taskType;
    r.confidence = QString::number(decision.confidence, 'f', 4).toDouble();
    auto stored = TelemetryRepository(m_db).find(r.id);
    r.createdAt = stored ? stored->createdAt : decision.createdAt;
    logEvent(lcTelemetry(), QtInfoMsg, QStringLiteral("decision recorded"),
             {{QStringLiteral("telemetry_id"), r.id},
              {QStringLiteral("agent_id"), r.agentId},
              {QStringLiteral("latency_ms"), static_cast<double>(decision.executionTimeMs)}});
    return r;
}

Result<BatchReport> DecisionRecorder::recordBatch(const std::vector<DecisionInput> &decisions,
                                                  const std::function<void(qint64)> &progress) const
{
    constexpr size_t kRowsPerWrite = 10000;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::unique_ptr<DecisionWriter> writer = makeDecisionWriter(*m_db);
    if (Status s = writer->begin(); !s)
        return s.error();
    for (size_t start = 0; start < decisions.size(); start += kRowsPerWrite) {
        std::vector<StoredDecision> rows;
        rows.reserve(std::min(kRowsPerWrite, decisions.size() - start));
        for (size_t i = start; i < decisions.size() && i < start + kRowsPerWrite; ++i)
            rows.push_back(toStored(decisions[i], now));
        if (Status s = writer->write(std::move(rows)); !s)
            return s.error();
        if (progress)
            progress(writer->written());
    }
    return writer->commit();
}

}  // namespace atalaya

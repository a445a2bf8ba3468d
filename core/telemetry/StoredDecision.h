#pragma once

#include "core/telemetry/Decision.h"

#include <QByteArray>

#include <array>

namespace atalaya {

// A decision as the bytes of its ai_telemetry columns, made once per row (on the parser
// thread for `record --jsonl`) so the writing thread only binds them.
struct StoredDecision {
    QByteArray agentId;  // UTF-8
    QByteArray taskType;
    QByteArray decisionJson;  // compact
    QByteArray metadataJson;
    // DECIMAL(5,4) as text, so no driver rounds through a float; and the same value × 10⁴.
    QByteArray confidence;
    qint64 confidenceE4 = 0;
    qint64 executionTimeMs = 0;
    QByteArray createdAt;  // toDbDateTime's text
    qint64 createdAtMs = 0;
    std::optional<Feedback> feedback;
    // Small values one write observer's RowPreparer worked out for the row where it was made,
    // for that observer to read when the row is written; -1 where not worked out. (The queue
    // counts keep the row's priority under each of their rule sets here.)
    std::array<qint8, 3> observerNotes{-1, -1, -1};
};

// human_feedback and accuracy as stored for a feedback value; static, so bound bytes outlive
// any statement.
const QByteArray &feedbackColumn(Feedback f);
const QByteArray &accuracyColumn(Feedback f);

// `now` stands in for a missing created_at.
StoredDecision toStored(const DecisionInput &d, const QDateTime &now);

}  // namespace atalaya

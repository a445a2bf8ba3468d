#pragma once

#include "core/common/Result.h"
#include "core/demo/DemoGenerator.h"

#include <memory>

namespace atalaya {

class Database;

struct DemoReport {
    qint64 decisions = 0;
    qint64 withFeedback = 0;
    qint64 auditRows = 0;  // verdicts written to atalaya_feedback_audit
    qint64 secondReviews = 0;  // of them, blind second reviews (DemoDoubleReviews)
    qint64 adjudicated = 0;
    qint64 awaitingAdjudication = 0;
    qint64 doraRows = 0;
    qint64 cycles = 0;
    QString riskModelVersion;
    bool riskModelActive = false;
};

// `demo`: generates and writes decisions (with their feedback) and delivery cycles, then trains
// the deployment-risk model on those cycles.
Result<DemoReport> loadDemoData(const std::shared_ptr<const Database> &db, const DemoOptions &options);

}  // namespace atalaya

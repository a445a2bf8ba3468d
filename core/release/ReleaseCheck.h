#pragma once

#include "core/common/Result.h"
#include "core/release/ReleaseRules.h"
#include "core/telemetry/Decision.h"

#include <memory>

namespace atalaya {

class Database;

// The agent a recorded check is filed under; never one of the agents a check judges.
inline const QString kReleaseCheckAgent = QStringLiteral("atalaya-release-check");

struct ReleaseRequest {
    QString cycleId;
    QStringList agents;  // empty: the agents found for the cycle (agentsInvolved)
    int windowDays = 30;
    RiskLanguage language = RiskLanguage::English;
    QDateTime now;  // invalid: the clock
};

// `release-check` and the risk page's "Release check": predicts the cycle with the active
// model and gathers the involved agents' reviews (the built-in review rules), alerts and
// calibration over the window, then applies the rule table. NoModel (5) without an active
// model, NotFound (3) for an unknown cycle. Thread-safe; slow enough for a worker thread.
Result<ReleaseCheck> runReleaseCheck(std::shared_ptr<const Database> db, const ReleaseRequest &request);

// Agents whose decisions of the window concern the cycle (metadata.cycle_id) or are of task
// type deployment_risk or rollback_decision, sorted; kReleaseCheckAgent is left out.
Result<QStringList> agentsInvolved(const Database &db, const QString &cycleId, const QDateTime &from);

// The check as a decision of kReleaseCheckAgent, task release_check
// (docs/RELEASE_CHECK.md §Recording); core/ingest writes it (recordReleaseCheck), as it writes
// a risk check.
DecisionInput releaseCheckDecision(const ReleaseCheck &check, double elapsedMs, const QString &source);

}  // namespace atalaya

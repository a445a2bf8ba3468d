#pragma once

#include "core/common/Result.h"
#include "core/telemetry/DecisionWriter.h"
#include "core/telemetry/Feedback.h"

#include <QString>

#include <map>
#include <memory>
#include <utility>

// What the outage and failover benches share (docs/RELIABILITY.md §Outages, docs/DEPLOYMENTS.md
// §Galera cluster): the decisions they give verdicts on, the reads they keep running, and the
// check of the verdicts at the end.
namespace atalaya {
class Database;
}

namespace atalaya::bench {

// `count` pending decisions of `agentId` to give verdicts on, in one batch.
Result<BatchReport> seedDecisions(const std::shared_ptr<const Database> &db, const QString &agentId, int count);

// One round of what the pages and the filter bar read (queue items and counts, agents, task
// types); empty when all worked, else the first error.
QString readRound(const std::shared_ptr<const Database> &db);

// Lost and duplicated verdicts as `db` holds them: a verdict whose row is missing, holds
// another value or has no audit row is lost; audit rows beyond one are duplicates.
std::pair<int, int> lostAndDuplicated(const Database &db, const std::map<qint64, Feedback> &given);

}  // namespace atalaya::bench

#pragma once

#include "core/common/Result.h"
#include "core/release/ReleaseCheck.h"

#include <memory>

namespace atalaya {

class Database;

// `release-check --record` and the risk page's release check: the check written as a decision
// of kReleaseCheckAgent (releaseCheckDecision), so it enters the review queue like any other.
Result<qint64> recordReleaseCheck(std::shared_ptr<const Database> db, const ReleaseCheck &check, double elapsedMs,
                                  const QString &source);

}  // namespace atalaya

#pragma once

#include "core/agreement/AgreementReport.h"
#include "core/aggregates/StatsQuery.h"
#include "core/common/Result.h"

#include <memory>

namespace atalaya {

class Database;

// The reviews of atalaya_reviews whose decision falls in the window (created_at, agent and task
// filters as every stats read), with each decision's priority by `rules`. A database without
// the reviews table has no reviews: the report is empty, not an error.
Result<std::vector<ReviewRecord>> readReviews(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                              const ReviewRules &rules);

// readReviews then computeAgreement.
Result<AgreementReport> loadAgreement(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                      const ReviewRules &rules);

}  // namespace atalaya

#pragma once

#include "core/common/Result.h"
#include "core/forecast/ForecastModel.h"

#include <memory>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::forecast {

// Above this many decisions in the four weeks, arrivals are counted on a stable id sample
// (one id in k, counts × k) instead of classifying every row.
constexpr qint64 kExactArrivalRows = 200000;

// Everything the forecast needs, read at `now` for `rules` (docs/INSIGHTS.md §Capacity forecast):
// arrivals per priority by hour of the week from the decisions of the last four whole weeks,
// the team's verdicts per active reviewer-hour and usual presence from the audit log of the
// same weeks, and the pending queue with its due hours. A history shorter than four weeks
// is averaged over the weeks it has. A non-empty `agentId` narrows the arrivals and the backlog
// to that agent (its arrivals averaged from its first decision within the four weeks); the
// team's figures stay the same.
Result<ForecastInputs> readInputs(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                  const QDateTime &now, const QString &agentId = {},
                                  qint64 exactArrivalRows = kExactArrivalRows);

}  // namespace atalaya::forecast

#pragma once

#include "core/common/Result.h"
#include "core/forecast/ForecastSim.h"

#include <memory>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::forecast {

constexpr int kDefaultHours = 168;
constexpr int kMaxHours = 24 * 90;

// The queue at the end of one horizon (24 h, 7 days, and the forecast's own length).
struct Horizon {
    int hours = 0;
    SimHour planned;  // with the staffing asked for (a number, or the team's usual presence)
    SimHour needed;  // with the deadline-keeping staffing
    // Expected breaches: the capacity shortfall of `planned`, or the team's own lateness
    // share of the deadlines in the horizon, whichever is more (a late review that enough
    // reviewers would not have prevented is still late).
    PerPriority<double> breaches{};
    // Expected decisions due in the counted hours (created before now or after, reviewed or not).
    PerPriority<double> deadlines{};
    std::optional<int> reviewersNeeded;  // the smallest constant team with no breach
};

// The expected deadlines per priority in hours now + 1 … now + hours − 1 (the hours whose
// breaches a forecast counts), from the arrival profile: reviewed or not, each deadline is one
// the team's lateness share applies to.
PerPriority<double> deadlinesWithin(const ForecastInputs &inputs, int hours);

// The review capacity and SLA forecast of docs/INSIGHTS.md §Capacity forecast.
struct Forecast {
    ForecastInputs inputs;
    int hours = kDefaultHours;
    std::optional<int> reviewers;  // nullopt: the usual presence at each hour of the week
    std::vector<SimHour> run;  // one per hour, with that staffing
    std::vector<Horizon> horizons;
};

// The forecast from inputs already read (the bench replays history through this).
Forecast forecastFrom(ForecastInputs inputs, int hours, std::optional<int> reviewers);

// Reads the inputs at `now` and forecasts `hours` hours ahead (1..kMaxHours); a non-empty
// `agentId` forecasts that agent's queue (readInputs).
Result<Forecast> runForecast(const std::shared_ptr<const Database> &db, const ReviewRules &rules, const QDateTime &now,
                             int hours, std::optional<int> reviewers, const QString &agentId = {});

}  // namespace atalaya::forecast

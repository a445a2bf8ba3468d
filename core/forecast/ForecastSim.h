#pragma once

#include "core/forecast/ForecastModel.h"

namespace atalaya::forecast {

// Who works each simulated hour: the team's usual presence at that hour of the week, a fixed
// number, or exactly as many as keep every deadline (rounded up to whole reviewers).
struct Staffing {
    enum class Kind { Typical, Constant, Needed };
    Kind kind = Kind::Typical;
    int reviewers = 0;  // Constant only
};

// The end of one simulated hour.
struct SimHour {
    qint64 hour = 0;
    double reviewers = 0.0;  // on duty during the hour
    PerPriority<double> backlog{};  // expected pending at the end of the hour
    PerPriority<double> breaches{};  // deadlines missed since the start, cumulative
    double reviewerHours = 0.0;  // worked since the start, cumulative
};

// Runs the queue forward hour by hour from inputs.now for `hours` hours (the first one is the
// rest of the current hour). Each hour: the hour of the week's expected arrivals join the
// queue; reviewers × throughput reviews are done in priority order, earliest deadline first
// inside a priority; what is still pending at the end of its due hour breaches (counted once,
// and it stays first in line). Work due within the current hour is not counted: it is late
// already or nearly so, and Staffing::Needed plans from the next whole hour. Expected values (a fluid model): no randomness, no rounding
// except whole reviewers for Staffing::Needed. Without a throughput nothing is reviewed.
std::vector<SimHour> simulate(const ForecastInputs &inputs, int hours, const Staffing &staffing);

// The smallest constant number of reviewers with no breach in the first `hours` hours (the
// overdue backlog of now is worked off, not counted); nullopt without a throughput.
std::optional<int> reviewersNeeded(const ForecastInputs &inputs, int hours);

}  // namespace atalaya::forecast

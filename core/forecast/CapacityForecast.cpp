#include "core/forecast/CapacityForecast.h"

#include "core/forecast/ForecastReads.h"

#include <algorithm>

namespace atalaya::forecast {

PerPriority<double> deadlinesWithin(const ForecastInputs &in, int hours)
{
    PerPriority<double> out{};
    const qint64 first = hourNumber(in.now);
    for (int p = 0; p < kPriorityCount; ++p) {
        const int sla = in.slaHours[static_cast<size_t>(p)];
        if (sla <= 0)
            continue;
        // Due in hours first + 1 … first + hours − 1: created sla hours before each.
        for (qint64 due = first + 1; due < first + hours; ++due)
            out[static_cast<size_t>(p)] +=
                in.arrivals[static_cast<size_t>(p)][static_cast<size_t>(hourOfWeek(due - sla))];
    }
    return out;
}

Forecast forecastFrom(ForecastInputs inputs, int hours, std::optional<int> reviewers)
{
    Forecast f;
    f.hours = std::clamp(hours, 1, kMaxHours);
    f.reviewers = reviewers;
    f.inputs = std::move(inputs);
    const Staffing staffing = reviewers ? Staffing{Staffing::Kind::Constant, *reviewers} : Staffing{};
    f.run = simulate(f.inputs, f.hours, staffing);
    const std::vector<SimHour> needed = simulate(f.inputs, f.hours, {Staffing::Kind::Needed, 0});
    std::vector<int> lengths;
    for (int h : {24, 168, f.hours})
        if (h <= f.hours && std::find(lengths.begin(), lengths.end(), h) == lengths.end())
            lengths.push_back(h);
    std::sort(lengths.begin(), lengths.end());
    for (int h : lengths) {
        const auto at = static_cast<size_t>(h - 1);
        Horizon horizon;
        horizon.hours = h;
        horizon.planned = f.run[at];
        horizon.needed = needed[at];
        horizon.reviewersNeeded = reviewersNeeded(f.inputs, h);
        horizon.deadlines = deadlinesWithin(f.inputs, h);
        for (int p = 0; p < kPriorityCount; ++p) {
            const auto i = static_cast<size_t>(p);
            horizon.breaches[i] = std::max(horizon.planned.breaches[i],
                                           f.inputs.lateShare(static_cast<Priority>(p)) * horizon.deadlines[i]);
        }
        f.horizons.push_back(horizon);
    }
    return f;
}

Result<Forecast> runForecast(const std::shared_ptr<const Database> &db, const ReviewRules &rules, const QDateTime &now,
                             int hours, std::optional<int> reviewers, const QString &agentId)
{
    auto inputs = readInputs(db, rules, now, agentId);
    if (!inputs)
        return inputs.error();
    return forecastFrom(std::move(*inputs), hours, reviewers);
}

}  // namespace atalaya::forecast

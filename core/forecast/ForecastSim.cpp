#include "core/forecast/ForecastSim.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace atalaya::forecast {
namespace {

constexpr double kMsPerHour = 3600000.0;
// Below this a fluid count is rounding noise, not a review.
constexpr double kEpsilon = 1e-6;

using Queue = PerPriority<std::deque<Cohort>>;

void arrive(std::deque<Cohort> &queue, qint64 dueHour, double count)
{
    if (count <= 0.0)
        return;
    if (!queue.empty() && queue.back().dueHour == dueHour)
        queue.back().count += count;
    else
        queue.push_back({dueHour, count});
}

double total(const std::deque<Cohort> &queue)
{
    double sum = 0.0;
    for (const Cohort &c : queue)
        sum += c.count;
    return sum;
}

double dueBy(const std::deque<Cohort> &queue, qint64 hour)
{
    double sum = 0.0;
    for (const Cohort &c : queue) {
        if (c.dueHour > hour)
            break;
        sum += c.count;
    }
    return sum;
}

void serve(Queue &queue, double capacity)
{
    for (auto &q : queue) {
        while (capacity > 0.0 && !q.empty()) {
            const double done = std::min(capacity, q.front().count);
            q.front().count -= done;
            capacity -= done;
            if (q.front().count <= kEpsilon)
                q.pop_front();
        }
    }
}

// Reviews needed this hour so that nothing due by its end is left: a priority's due work is
// reached only after every more urgent item, due or not.
double reviewsToKeepDeadlines(const Queue &queue, const PerPriority<int> &sla, qint64 hour)
{
    double ahead = 0.0;
    double need = 0.0;
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto &q = queue[static_cast<size_t>(p)];
        if (const double due = sla[static_cast<size_t>(p)] > 0 ? dueBy(q, hour) : 0.0; due > kEpsilon)
            need = std::max(need, ahead + due);
        ahead += total(q);
    }
    return need;
}

}  // namespace

std::vector<SimHour> simulate(const ForecastInputs &in, int hours, const Staffing &staffing)
{
    const std::optional<double> throughput = in.throughput();
    const qint64 first = hourNumber(in.now);
    Queue queue;
    for (int p = 0; p < kPriorityCount; ++p)
        for (const Cohort &c : in.backlog[static_cast<size_t>(p)])
            arrive(queue[static_cast<size_t>(p)], c.dueHour, c.count);

    std::vector<SimHour> out;
    out.reserve(static_cast<size_t>(std::max(hours, 0)));
    SimHour state;
    for (int i = 0; i < hours; ++i) {
        const qint64 hour = first + i;
        // The first hour is what is left of the current one.
        const double share = i == 0
            ? (double(hourStart(hour + 1).toMSecsSinceEpoch()) - double(in.now.toMSecsSinceEpoch())) / kMsPerHour
            : 1.0;
        const int week = hourOfWeek(hour);
        for (int p = 0; p < kPriorityCount; ++p) {
            const int sla = in.slaHours[static_cast<size_t>(p)];
            const double count = in.arrivals[static_cast<size_t>(p)][static_cast<size_t>(week)] * share;
            arrive(queue[static_cast<size_t>(p)], sla > 0 ? hour + sla : kNoDeadline, count);
        }
        double reviewers = 0.0;
        switch (staffing.kind) {
        case Staffing::Kind::Typical: reviewers = in.typicalReviewers[static_cast<size_t>(week)]; break;
        case Staffing::Kind::Constant: reviewers = staffing.reviewers; break;
        case Staffing::Kind::Needed:
            // The plan starts with the next whole hour: what is due in this one is late already.
            if (throughput && i > 0)
                reviewers = std::ceil(reviewsToKeepDeadlines(queue, in.slaHours, hour) / (*throughput * share) - 1e-9);
            break;
        }
        serve(queue, throughput ? reviewers * *throughput * share : 0.0);
        state.hour = hour;
        state.reviewers = reviewers;
        state.reviewerHours += reviewers * share;
        for (int p = 0; p < kPriorityCount; ++p) {
            const auto &q = queue[static_cast<size_t>(p)];
            for (const Cohort &c : q) {
                if (c.dueHour > hour)
                    break;
                // Due within the current hour is late already (backlog_now), not a forecast.
                if (c.dueHour == hour && hour > first)
                    state.breaches[static_cast<size_t>(p)] += c.count;
            }
            state.backlog[static_cast<size_t>(p)] = total(q);
        }
        out.push_back(state);
    }
    return out;
}

std::optional<int> reviewersNeeded(const ForecastInputs &in, int hours)
{
    if (!in.throughput() || hours <= 0)
        return std::nullopt;
    auto breaches = [&](int reviewers) {
        const auto run = simulate(in, hours, {Staffing::Kind::Constant, reviewers});
        double sum = 0.0;
        for (double b : run.back().breaches)
            sum += b;
        return sum;
    };
    // Enough: the most the deadline-keeping staffing ever puts on one hour (more reviewers on
    // every hour never review less of any priority by any time).
    int high = 0;
    for (const SimHour &h : simulate(in, hours, {Staffing::Kind::Needed, 0}))
        high = std::max(high, static_cast<int>(h.reviewers));
    while (breaches(high) > kEpsilon)
        high = std::max(1, high * 2);
    int low = 0;
    while (low < high) {
        const int mid = low + (high - low) / 2;
        if (breaches(mid) > kEpsilon)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

}  // namespace atalaya::forecast

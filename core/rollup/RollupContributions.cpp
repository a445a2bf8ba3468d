#include "core/rollup/RollupContributions.h"

#include "core/rollup/RollupSchema.h"
#include "core/rollup/RollupSections.h"
#include "core/telemetry/StoredDecision.h"

#include <cmath>

namespace atalaya::rollup {
namespace {

using namespace counter;
// After the counters, the latency, calibration and model-version section bumps.
enum Bump { LatBump = counter::Count, CalBump, VerBump };

int bucketOf(qint64 confE4)
{
    return confE4 < 5000 ? 0 : confE4 < 7000 ? 1 : confE4 < 8500 ? 2 : confE4 < 9500 ? 3 : 4;
}

void addTo(RollupContributions::Sums &sum, const RollupContributions::Sums &c)
{
    for (size_t i = 0; i < sum.size(); ++i)
        sum[i] += c[i];
}

}  // namespace

void RollupContributions::add(const StoredDecision &d)
{
    const qint64 confE4 = d.confidenceE4;
    const qint64 ms = d.createdAtMs;
    const qint64 hour = ms >= 0 ? ms / 3600000 : -((-ms + 3599999) / 3600000);
    Sums c{};
    const bool valid = confE4 >= 0 && confE4 <= 10000 && d.executionTimeMs >= 0;
    if (!valid) {
        c[DqConf] = confE4 < 0 || confE4 > 10000;
        c[DqNeg] = d.executionTimeMs < 0;
        c[DqExcluded] = 1;
    } else {
        c[N] = 1;
        c[ConfSum] = confE4;
        c[ExecSum] = d.executionTimeMs;
        c[B0 + bucketOf(confE4)] = 1;
        c[LatBump] = 1;  // new valid rows move the latency section
        c[VerBump] = 1;  // and the model-version section
        if (d.feedback) {
            c[Fb] = 1;
            c[AccSum] = std::llround(accuracyFor(*d.feedback) * 10000);
            c[*d.feedback == Feedback::Correct         ? Correct
                  : *d.feedback == Feedback::Incorrect ? Incorrect
                                                       : Partial] = 1;
            c[CalBump] = 1;  // and reviewed ones the calibration section
        }
    }
    addTo(m_hours[Key{hour, d.agentId, d.taskType}], c);
    addTo(m_days[Key{dayOfHour(hour), d.agentId, d.taskType}], c);
}

void RollupContributions::merge(RollupContributions &&other)
{
    if (empty()) {
        *this = std::move(other);
        return;
    }
    for (auto &[key, sums] : other.m_hours)
        addTo(m_hours[key], sums);
    for (auto &[key, sums] : other.m_days)
        addTo(m_days[key], sums);
    other = {};
}

}  // namespace atalaya::rollup

#pragma once

#include "core/telemetry/Decision.h"
#include <vector>

namespace atalaya {

struct DemoOptions {
    int decisions = 20000;
    int days = 60;
    quint64 seed = 42;
    QDateTime now;  // invalid = current time; tests pin it for reproducibility
};

// Realistic (~30 % reviewed), deterministic telemetry: six agents with their own task types, skewed
// confidence (mostly high, a low tail), log-normal latency with rare spikes, feedback more
// likely on doubtful decisions, and agents that are over-confident or well calibrated.
std::vector<DecisionInput> generateDemoDecisions(const DemoOptions &options);

}  // namespace atalaya

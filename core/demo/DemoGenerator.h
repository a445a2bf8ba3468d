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

// A verdict of the demo team on decisions[index] (whose feedback is set).
struct DemoReview {
    size_t index = 0;
    Feedback value = Feedback::Correct;
    QString reviewer;
    QDateTime at;
};

struct DemoHistory {
    std::vector<DecisionInput> decisions;  // created_at order
    std::vector<DemoReview> reviews;  // index order
};

// Realistic (~30 % reviewed), deterministic telemetry: six agents with their own task types,
// skewed confidence (mostly high, a low tail), log-normal latency with rare spikes, agents that
// are over-confident or well calibrated, one model upgrade per agent (the test triage agent's
// newer version is less accurate), and the verdicts of a team that keeps up with the review
// queue (DemoReviewTeam), so the pending queue is mostly recent.
DemoHistory generateDemoHistory(const DemoOptions &options);
// The decisions alone, for benches that need the shape without the reviews.
std::vector<DecisionInput> generateDemoDecisions(const DemoOptions &options);

}  // namespace atalaya

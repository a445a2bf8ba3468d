#pragma once

#include "core/aggregates/WindowTotals.h"
#include "core/insights/Insight.h"
#include "core/insights/Significance.h"

#include <optional>
#include <vector>

namespace atalaya::insights {

// One window of one scope, as the rollups give it.
struct WindowSide {
    WindowTotals totals;
    std::optional<EceEstimate> ece;  // from the 10-bin reliability table of reviewed decisions
    double days = 0.0;  // the window's length, for rates
};

struct ScopeWindows {
    QString agentId;  // empty with taskType empty: every decision
    QString taskType;
    WindowSide baseline;
    WindowSide current;
};

// A test that ran: its insight (p-value, figures, severity; no q-value yet) and whether the
// change is large enough to report (docs/INSIGHTS.md §Thresholds). Every test that ran counts
// in Benjamini–Hochberg, reported or not, so small changes cannot buy a smaller q-value.
struct Candidate {
    Insight insight;
    bool large = false;
};

// The change detectors and, for agents and the whole scope, the seed 000 targets. A test
// runs only when each side holds at least minN of what it counts.
std::vector<Candidate> runDetectors(const ScopeWindows &scope, qint64 minN);

// The seed 000 targets (docs/INSIGHTS.md §Targets).
inline constexpr double kTargetHighShare = 0.60;
inline constexpr double kTargetLowShare = 0.10;
inline constexpr qint64 kTargetP99Ms = 1000;
inline constexpr double kTargetAccuracy = 0.85;
inline constexpr double kAccuracyAlertLine = 0.80;

// A window's latency histogram: the exact values plus the sketch's buckets.
std::map<qint64, qint64> latencyHistogram(const WindowTotals &totals);
ScoreCounts scoreCounts(const WindowTotals &totals);

}  // namespace atalaya::insights

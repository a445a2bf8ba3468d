#pragma once

#include "core/insights/Detectors.h"
#include "core/risk/RiskMonitor.h"

namespace atalaya::insights {

// The risk agent's insights (docs/INSIGHTS.md §Risk model): drift per feature and the accuracy
// of past predictions are tests and join Benjamini–Hochberg; minN counts cycles and outcomes.
std::vector<Candidate> riskCandidates(const RiskMonitorReport &report, qint64 minN);
// A model at least kStaleModelDays old: a fact of its trained_at, no test behind it.
std::optional<Insight> staleModelInsight(const RiskMonitorReport &report, const QDateTime &since);

// Recent cycles for the drift test: delivery cycles are far rarer than decisions, so the
// window is at least this long whatever the report's.
inline constexpr int kRiskMonitorMinDays = 30;

}  // namespace atalaya::insights

#pragma once

#include "core/aggregates/StatsTypes.h"
#include "core/common/Result.h"
#include "core/insights/Insight.h"
#include "core/queue/ReviewQueue.h"

#include <memory>

namespace atalaya {

class Database;

// What `atalaya-cli metrics` exports for the rest of the stack (docs/CLI.md §metrics): the
// window's KPIs, per-agent accuracy and latency quantiles, the review queue's sizes and overdue
// counts, and the insights per severity.
struct MetricsSnapshot {
    StatsQuery query;
    WindowSummary summary;
    std::vector<GroupSummary> agents;
    QueueCounts queue;
    InsightsReport insights;
};

Result<MetricsSnapshot> loadMetrics(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                    const ReviewRules &rules = ReviewRules::defaults());

// OpenMetrics text (application/openmetrics-text 1.0.0), also valid for the node_exporter
// textfile collector: gauges in base units (seconds, ratios), one family per metric, `# EOF`.
QString openMetricsText(const MetricsSnapshot &snapshot);

}  // namespace atalaya

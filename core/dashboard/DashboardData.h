#pragma once

#include "core/agreement/AgreementReport.h"
#include "core/alerts/Alerts.h"
#include "core/common/Result.h"
#include "core/insights/Insight.h"
#include "core/insights/ModelVersions.h"
#include "core/queue/ReviewRules.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsSamples.h"
#include "core/aggregates/StatsTypes.h"

#include <QDateTime>
#include <QMetaType>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

// Immutable snapshots of what each dashboard page shows (docs/DASHBOARD.md §Pages, 1–5), read in
// one go off the UI thread by the page's reads (core/dashboard/PageReads). The PDF report is
// all of them together.
struct OverviewData {
    StatsQuery query;
    WindowSummary current;
    WindowSummary previous;  // StatsQuery::previousPeriod()
    std::vector<GroupSummary> sparkDays;  // 7 whole UTC days, then the window's last day so far
    std::vector<Alert> alerts;
    InsightsReport insights;  // what changed: the window against the one before it (docs/INSIGHTS.md)
    QString insightsError;  // why `insights` is empty when its read failed; the rest of the page still shows
    std::optional<qint64> pendingUrgent;  // P0 of the review queue (ReviewQueue::counts), as its page shows
};

struct AccuracyData {
    StatsQuery query;
    WindowSummary summary;
    std::vector<GroupSummary> agents;
    std::vector<GroupSummary> taskTypes;
    std::vector<GroupSummary> days;
    std::vector<VersionReport> versions;  // per agent (the filtered one only), by agent id
    // Without rollups: the window's decisions when over versions::scanBudget() (unread).
    std::optional<qint64> versionsTooMany;
};

struct ConfidenceData {
    StatsQuery query;
    WindowSummary summary;
    CalibrationReport calibration;
    std::vector<ReviewedSample> samples;  // most recent reviewed decisions, capped
};

struct LatencyData {
    StatsQuery query;
    WindowSummary summary;
    std::vector<GroupSummary> days;
    std::vector<GroupSummary> taskTypes;
    std::vector<ExecutionBox> agentBoxes;
};

struct FeedbackData {
    StatsQuery query;
    WindowSummary summary;
    std::vector<GroupSummary> agents;
    AgreementReport agreement;  // double reviews: κ, pairs, reviewers (docs/REVIEW_QUEUE.md §Agreement)
};

struct ReportData {
    QDateTime generatedAt;
    QString dataSource;  // the URL without password
    OverviewData overview;
    AccuracyData accuracy;
    ConfidenceData confidence;
    LatencyData latency;
    FeedbackData feedback;
};

inline constexpr int kScatterSampleCap = 2000;
inline constexpr int kCalibrationBins = 10;

// `rules`: the review rules the "Pending P0" KPI counts with (the reviewer's, from Settings).
Result<OverviewData> loadOverview(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                  const ReviewRules &rules = ReviewRules::defaults());
Result<AccuracyData> loadAccuracy(const std::shared_ptr<const Database> &db, const StatsQuery &query);
Result<ConfidenceData> loadConfidence(const std::shared_ptr<const Database> &db, const StatsQuery &query);
Result<LatencyData> loadLatency(const std::shared_ptr<const Database> &db, const StatsQuery &query);
// `rules`: the priorities (and their SLAs) the reviewer figures of the agreement use.
Result<FeedbackData> loadFeedback(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                  const ReviewRules &rules = ReviewRules::defaults());
// Reads the five parts in parallel on pool (the global one when null). The GUI passes a pool
// of its own: Qt 6.4's raster engine splits large fills over the global pool and waits for
// them, so blocking reads that fill the global pool stall the window's painting.
Result<ReportData> loadReport(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                              QThreadPool *pool = nullptr);

}  // namespace atalaya

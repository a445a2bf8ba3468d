#pragma once

#include "ui/common/ChartKit.h"
#include "core/dashboard/DashboardData.h"

#include <QList>
#include <QPointF>

#include <array>

class QChart;

namespace atalaya::charts {

// The confidence-vs-feedback scatter, ready to draw: one point list per feedback value
// (correct, partially correct, incorrect), jitter applied. Built off the UI thread by
// prepareConfidenceScatter (pure, thread-safe) so that the UI thread only hands each list
// to its series in one replace().
struct ConfidenceScatter {
    std::array<QList<QPointF>, 3> groups;
    qint64 samples = 0;
};
ConfidenceScatter prepareConfidenceScatter(const std::vector<ReviewedSample> &samples);

// Every chart of pages 1–5, built from the immutable page data. The pages show them in
// QChartViews and the PDF report renders the very same charts, so both always agree.
// The caller owns the returned chart. One file per page: AccuracyCharts.cpp,
// ConfidenceCharts.cpp, LatencyCharts.cpp, FeedbackCharts.cpp.
// The overview's last days (its sparklines' days): decisions per day (bars) and their accuracy
// (line, right axis); today's label says the day is not over.
QChart *overviewWeekChart(const ChartStyle &style, const std::vector<GroupSummary> &days);
QChart *accuracyByTaskChart(const ChartStyle &style, const std::vector<GroupSummary> &taskTypes);
QChart *accuracyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days);
QChart *confidenceHistogramChart(const ChartStyle &style, const ConfidenceDistribution &distribution);
QChart *reliabilityChart(const ChartStyle &style, const CalibrationReport &calibration);
QChart *confidenceScatterChart(const ChartStyle &style, const ConfidenceScatter &scatter);
QChart *latencyPerDayChart(const ChartStyle &style, const std::vector<GroupSummary> &days);
QChart *latencyBoxChart(const ChartStyle &style, const std::vector<ExecutionBox> &boxes);
QChart *feedbackPieChart(const ChartStyle &style, const AccuracySummary &accuracy);
QChart *feedbackRateByAgentChart(const ChartStyle &style, const std::vector<GroupSummary> &agents);

// Translated seed bucket names, e.g. "Good (0.70–0.85)".
QString confidenceBucketName(int bucket);
QString verdictText(const CalibrationReport &calibration);

}  // namespace atalaya::charts

#include "core/dashboard/DashboardData.h"

#include "core/insights/InsightsService.h"
#include "core/queue/ReviewQueue.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"

#include <QtConcurrent>

namespace atalaya {

Result<OverviewData> loadOverview(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                  const ReviewRules &rules)
{
    const StatsService stats(db);
    OverviewData d;
    d.query = query;
    auto current = stats.summary(query);
    if (!current)
        return current.error();
    d.current = *current;
    auto previous = stats.summary(query.previousPeriod());
    if (!previous)
        return previous.error();
    d.previous = *previous;
    StatsQuery spark = query;
    spark.from = query.to.addDays(-7);
    if (spark.from < query.from)
        spark.from = query.from;
    auto days = stats.grouped(spark, GroupBy::Day);
    if (!days)
        return days.error();
    d.sparkDays = *days;
    auto alerts = activeAlerts(stats, query);
    if (!alerts)
        return alerts.error();
    d.alerts = *alerts;
    auto insights = InsightsService(db).run(insightOptionsFor(query));
    if (!insights)
        return insights.error();
    d.insights = *insights;
    // The queue is every pending decision, not the window's: the same number the Review page shows.
    QueueFilter pending;
    pending.agentId = query.agentId;
    auto counts = ReviewQueue(db, rules).counts(pending, QDateTime::currentDateTimeUtc());
    if (!counts)
        return counts.error();
    d.pendingUrgent = counts->total[static_cast<size_t>(Priority::P0)];
    return d;
}

Result<AccuracyData> loadAccuracy(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    const StatsService stats(db);
    AccuracyData d;
    d.query = query;
    auto summary = stats.summary(query);
    if (!summary)
        return summary.error();
    d.summary = *summary;
    for (auto [by, target] : {std::pair{GroupBy::Agent, &d.agents}, std::pair{GroupBy::TaskType, &d.taskTypes},
                              std::pair{GroupBy::Day, &d.days}}) {
        auto rows = stats.grouped(query, by);
        if (!rows)
            return rows.error();
        *target = *rows;
    }
    return d;
}

Result<ConfidenceData> loadConfidence(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    ConfidenceData d;
    d.query = query;
    auto summary = StatsService(db).summary(query);
    if (!summary)
        return summary.error();
    d.summary = *summary;
    const StatsSamples samples(db);
    auto calibration = samples.calibration(query, kCalibrationBins);
    if (!calibration)
        return calibration.error();
    d.calibration = *calibration;
    auto points = samples.reviewedSamples(query, kScatterSampleCap);
    if (!points)
        return points.error();
    d.samples = *points;
    return d;
}

Result<LatencyData> loadLatency(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    const StatsService stats(db);
    LatencyData d;
    d.query = query;
    auto summary = stats.summary(query);
    if (!summary)
        return summary.error();
    d.summary = *summary;
    auto days = stats.grouped(query, GroupBy::Day);
    if (!days)
        return days.error();
    d.days = *days;
    auto tasks = stats.grouped(query, GroupBy::TaskType);
    if (!tasks)
        return tasks.error();
    d.taskTypes = *tasks;
    auto boxes = StatsSamples(db).executionBoxesByAgent(query);
    if (!boxes)
        return boxes.error();
    d.agentBoxes = *boxes;
    return d;
}

Result<FeedbackData> loadFeedback(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    const StatsService stats(db);
    FeedbackData d;
    d.query = query;
    auto summary = stats.summary(query);
    if (!summary)
        return summary.error();
    d.summary = *summary;
    auto agents = stats.grouped(query, GroupBy::Agent);
    if (!agents)
        return agents.error();
    d.agents = *agents;
    return d;
}

Result<ReportData> loadReport(const std::shared_ptr<const Database> &db, const StatsQuery &query, QThreadPool *pool)
{
    if (!pool)
        pool = QThreadPool::globalInstance();
    ReportData r;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    r.dataSource = db->url().describe();
    // The five reads are independent; each pool thread uses its own connection.
    auto overviewF = QtConcurrent::run(pool, [&] { return loadOverview(db, query); });
    auto accuracyF = QtConcurrent::run(pool, [&] { return loadAccuracy(db, query); });
    auto confidenceF = QtConcurrent::run(pool, [&] { return loadConfidence(db, query); });
    auto latencyF = QtConcurrent::run(pool, [&] { return loadLatency(db, query); });
    const Result<FeedbackData> feedback = loadFeedback(db, query);
    const Result<OverviewData> overview = overviewF.result();
    const Result<AccuracyData> accuracy = accuracyF.result();
    const Result<ConfidenceData> confidence = confidenceF.result();
    const Result<LatencyData> latency = latencyF.result();
    if (!overview)
        return overview.error();
    if (!accuracy)
        return accuracy.error();
    if (!confidence)
        return confidence.error();
    if (!latency)
        return latency.error();
    if (!feedback)
        return feedback.error();
    r.overview = *overview;
    r.accuracy = *accuracy;
    r.confidence = *confidence;
    r.latency = *latency;
    r.feedback = *feedback;
    return r;
}

}  // namespace atalaya

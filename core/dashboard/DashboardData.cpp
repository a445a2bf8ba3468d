#include "core/dashboard/DashboardData.h"

#include "core/dashboard/PageReads.h"
#include "core/storage/Database.h"

#include <QtConcurrent>

namespace atalaya {

Result<OverviewData> loadOverview(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                  const ReviewRules &rules)
{
    return runPageReads(overviewReads(), {db, query, rules});
}

Result<AccuracyData> loadAccuracy(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    return runPageReads(accuracyReads(), {db, query});
}

Result<ConfidenceData> loadConfidence(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    return runPageReads(confidenceReads(), {db, query});
}

Result<LatencyData> loadLatency(const std::shared_ptr<const Database> &db, const StatsQuery &query)
{
    return runPageReads(latencyReads(), {db, query});
}

Result<FeedbackData> loadFeedback(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                  const ReviewRules &rules)
{
    return runPageReads(feedbackReads(), {db, query, rules});
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

#include "core/dashboard/PageReads.h"

#include "core/agreement/AgreementReader.h"
#include "core/chat/ChatHistory.h"
#include "core/chat/ChatHistoryMetrics.h"
#include "core/insights/InsightsService.h"
#include "core/insights/ModelVersions.h"
#include "core/insights/WhatIf.h"
#include "core/queue/DoubleReview.h"
#include "core/queue/ReviewQueue.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/settings/LoginName.h"
#include "core/telemetry/AuditLog.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsService.h"
#include "core/storage/Database.h"

namespace atalaya {
namespace {

template <typename T> Status into(Result<T> result, T &out)
{
    if (!result)
        return result.error();
    out = std::move(*result);
    return {};
}

template <typename T> Status discard(const Result<T> &result)
{
    return result ? Status() : Status(result.error());
}

Status summaryInto(const PageReadInput &in, WindowSummary &out)
{
    return into(StatsService(in.db).summary(in.query), out);
}

Status groupedInto(const PageReadInput &in, GroupBy by, std::vector<GroupSummary> &out)
{
    return into(StatsService(in.db).grouped(in.query, by), out);
}

// The 7 whole UTC days before the window's end, and the end's own day so far (fewer when the
// window is shorter). Starting 7 × 24 h before the end made the first day a part of one, shown
// under that day's name with its count cut by the hours before the window.
StatsQuery sparkWindow(const StatsQuery &query)
{
    StatsQuery spark = query;
    spark.from = QDateTime(query.to.toUTC().date().addDays(-7), QTime(0, 0), Qt::UTC);
    if (spark.from < query.from)
        spark.from = query.from;
    return spark;
}

template <typename Data>
void addPage(std::vector<CatalogueRead> &out, const QString &page, const std::vector<PageRead<Data>> &reads)
{
    for (const PageRead<Data> &r : reads) {
        out.push_back({page, r.name, [read = r.read](const PageReadInput &in) {
                           Data scratch;
                           scratch.query = in.query;
                           return read(in, scratch);
                       }});
    }
}

}  // namespace

const std::vector<PageRead<OverviewData>> &overviewReads()
{
    using D = OverviewData;
    static const std::vector<PageRead<D>> reads = {
        {QStringLiteral("summary"), [](const PageReadInput &in, D &d) { return summaryInto(in, d.current); }},
        {QStringLiteral("previous_summary"),
         [](const PageReadInput &in, D &d) {
             return into(StatsService(in.db).summary(in.query.previousPeriod()), d.previous);
         }},
        {QStringLiteral("spark_days"),
         [](const PageReadInput &in, D &d) {
             return into(StatsService(in.db).grouped(sparkWindow(in.query), GroupBy::Day), d.sparkDays);
         }},
        {QStringLiteral("alerts"),
         [](const PageReadInput &in, D &d) { return into(activeAlerts(StatsService(in.db), in.query), d.alerts); }},
        {QStringLiteral("insights"),
         [](const PageReadInput &in, D &d) -> Status {
             // A secondary list: when it cannot be read, the KPIs and alerts above it still can.
             if (Status s = into(InsightsService(in.db).run(insightOptionsFor(in.query)), d.insights); !s)
                 d.insightsError = s.error().message;
             return {};
         }},
        // The queue is every pending decision, not the window's: the number the Review page shows.
        {QStringLiteral("pending_p0"),
         [](const PageReadInput &in, D &d) -> Status {
             QueueFilter pending;
             pending.agentId = in.query.agentId;
             auto counts = ReviewQueue(in.db, in.rules).counts(pending, QDateTime::currentDateTimeUtc());
             if (!counts)
                 return counts.error();
             d.pendingUrgent = counts->total[static_cast<size_t>(Priority::P0)];
             return {};
         }},
    };
    return reads;
}

const std::vector<PageRead<AccuracyData>> &accuracyReads()
{
    using D = AccuracyData;
    static const std::vector<PageRead<D>> reads = {
        {QStringLiteral("summary"), [](const PageReadInput &in, D &d) { return summaryInto(in, d.summary); }},
        {QStringLiteral("by_agent"),
         [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::Agent, d.agents); }},
        {QStringLiteral("by_task_type"),
         [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::TaskType, d.taskTypes); }},
        {QStringLiteral("by_day"), [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::Day, d.days); }},
        {QStringLiteral("model_versions"),
         [](const PageReadInput &in, D &d) {
             return into(ModelVersionsService(in.db).reports(in.query, 30, &d.versionsTooMany), d.versions);
         }},
    };
    return reads;
}

const std::vector<PageRead<ConfidenceData>> &confidenceReads()
{
    using D = ConfidenceData;
    static const std::vector<PageRead<D>> reads = {
        {QStringLiteral("summary"), [](const PageReadInput &in, D &d) { return summaryInto(in, d.summary); }},
        {QStringLiteral("calibration"),
         [](const PageReadInput &in, D &d) {
             return into(StatsSamples(in.db).calibration(in.query, kCalibrationBins), d.calibration);
         }},
        {QStringLiteral("reviewed_samples"),
         [](const PageReadInput &in, D &d) {
             return into(StatsSamples(in.db).reviewedSamples(in.query, kScatterSampleCap), d.samples);
         }},
    };
    return reads;
}

const std::vector<PageRead<LatencyData>> &latencyReads()
{
    using D = LatencyData;
    static const std::vector<PageRead<D>> reads = {
        {QStringLiteral("summary"), [](const PageReadInput &in, D &d) { return summaryInto(in, d.summary); }},
        {QStringLiteral("by_day"), [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::Day, d.days); }},
        {QStringLiteral("by_task_type"),
         [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::TaskType, d.taskTypes); }},
        {QStringLiteral("agent_boxes"),
         [](const PageReadInput &in, D &d) {
             return into(StatsSamples(in.db).executionBoxesByAgent(in.query), d.agentBoxes);
         }},
    };
    return reads;
}

const std::vector<PageRead<FeedbackData>> &feedbackReads()
{
    using D = FeedbackData;
    static const std::vector<PageRead<D>> reads = {
        {QStringLiteral("summary"), [](const PageReadInput &in, D &d) { return summaryInto(in, d.summary); }},
        {QStringLiteral("by_agent"),
         [](const PageReadInput &in, D &d) { return groupedInto(in, GroupBy::Agent, d.agents); }},
        {QStringLiteral("agreement"),
         [](const PageReadInput &in, D &d) { return into(loadAgreement(in.db, in.query, in.rules), d.agreement); }},
    };
    return reads;
}

std::vector<CatalogueRead> pageReadCatalogue()
{
    std::vector<CatalogueRead> out;
    const auto add = [&](const char *page, const char *read, std::function<Status(const PageReadInput &)> run) {
        out.push_back({QString::fromLatin1(page), QString::fromLatin1(read), std::move(run)});
    };
    add("shell", "agent_ids", [](const PageReadInput &in) { return discard(StatsService(in.db).agentIds()); });
    add("shell", "task_types", [](const PageReadInput &in) { return discard(StatsService(in.db).taskTypes()); });
    addPage(out, QStringLiteral("overview"), overviewReads());
    add("insights", "report",
        [](const PageReadInput &in) { return discard(InsightsService(in.db).run(insightOptionsFor(in.query))); });
    add("insights", "whatif", [](const PageReadInput &in) { return discard(readWhatIfInputs(in.db, in.query)); });
    addPage(out, QStringLiteral("accuracy"), accuracyReads());
    addPage(out, QStringLiteral("confidence"), confidenceReads());
    addPage(out, QStringLiteral("latency"), latencyReads());
    addPage(out, QStringLiteral("feedback"), feedbackReads());
    add("queue", "first_page", [](const PageReadInput &in) {
        QueueFilter filter;
        filter.agentId = in.query.agentId;
        return discard(ReviewQueue(in.db, in.rules).items(filter));
    });
    add("queue", "write_access",
        [](const PageReadInput &in) { return discard(ReviewQueue(in.db, in.rules).writeAccess()); });
    add("queue", "counts", [](const PageReadInput &in) {
        QueueFilter filter;
        filter.agentId = in.query.agentId;
        return discard(ReviewQueue(in.db, in.rules).counts(filter, QDateTime::currentDateTimeUtc()));
    });
    // The view switcher's counts, read with every refresh whatever the view shown.
    add("queue", "second_review_counts", [](const PageReadInput &in) {
        QueueFilter filter;
        filter.agentId = in.query.agentId;
        return discard(DoubleReview(in.db, in.rules).secondReviewCounts(osLoginName(), filter));
    });
    add("queue", "adjudication_counts", [](const PageReadInput &in) {
        QueueFilter filter;
        filter.agentId = in.query.agentId;
        return discard(DoubleReview(in.db, in.rules).adjudicationCounts(osLoginName(), filter));
    });
    add("chat", "history", [](const PageReadInput &in) {
        return chatTablesExist(*in.db) ? discard(loadChatHistory(*in.db, kChatHistoryRows)) : Status();
    });
    add("chat", "period_metrics", [](const PageReadInput &in) {
        return chatTablesExist(*in.db)
            ? discard(loadChatHistoryMetrics(*in.db, in.query.from, in.query.to, kChatTopIntents))
            : Status();
    });
    add("risk", "active_model", [](const PageReadInput &in) {
        auto model = RiskModelStore(in.db).loadActive();
        return model || model.error().code == ErrorCode::NoModel ? Status() : Status(model.error());
    });
    add("risk", "recent_cycles",
        [](const PageReadInput &in) { return discard(RiskDataSource(in.db).recentCycles(kRiskRecentCycles)); });
    add("risk", "model_versions", [](const PageReadInput &in) { return discard(RiskModelStore(in.db).list()); });
    add("audit", "first_page",
        [](const PageReadInput &in) { return discard(AuditLog(in.db).page({}, std::nullopt, kAuditPageRows)); });
    return out;
}

}  // namespace atalaya

#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/WindowOptions.h"

#include "core/stats/StatsJson.h"
#include "core/stats/StatsService.h"

namespace atalaya::cli {
namespace {

// Shared by every read: parse, open, build the service, run `body`.
template <typename Body>
int runRead(CliContext &ctx, const QString &description, bool filters, const QString &positional, Body body)
{
    addWindowOptions(ctx, filters);
    if (!ctx.parse(description, positional))
        return ctx.exitCode();
    auto query = windowFrom(ctx, filters);
    if (!query)
        return ctx.fail(query.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const StatsService stats(*db);
    Result<QJsonObject> json = body(stats, *query);
    if (!json)
        return ctx.fail(json.error());
    return ctx.print(*json);
}

int runStats(CliContext &ctx)
{
    return runRead(ctx, QStringLiteral("Accuracy, confidence distribution and execution time (seed 000 §3)."), false,
                   {}, [](const StatsService &s, const StatsQuery &q) -> Result<QJsonObject> {
                       auto snap = s.snapshot(q);
                       if (!snap)
                           return snap.error();
                       return statsJson(*snap);
                   });
}

int runAgent(CliContext &ctx)
{
    return runRead(ctx, QStringLiteral("Statistics of one agent (seed 000 §4)."), false, QStringLiteral("AGENT_ID"),
                   [&ctx](const StatsService &s, const StatsQuery &q) -> Result<QJsonObject> {
                       const QStringList args = ctx.positional();
                       if (args.size() != 1)
                           return makeError(ErrorCode::Usage,
                                            QStringLiteral("expected one AGENT_ID: agent AGENT_ID [--days N]"));
                       auto detail = s.agent(args.first(), q);
                       if (!detail)
                           return detail.error();
                       return agentJson(*detail, q);
                   });
}

int runAccuracy(CliContext &ctx)
{
    return runRead(ctx, QStringLiteral("Accuracy metrics with optional filters (seed 000 §5)."), true, {},
                   [](const StatsService &s, const StatsQuery &q) -> Result<QJsonObject> {
                       auto summary = s.summary(q);
                       if (!summary)
                           return summary.error();
                       return accuracyReportJson(*summary, q);
                   });
}

int runAgents(CliContext &ctx)
{
    return runRead(ctx, QStringLiteral("One row per agent: decisions, feedback, accuracy, confidence, latency."), false,
                   {}, [](const StatsService &s, const StatsQuery &q) -> Result<QJsonObject> {
                       auto rows = s.grouped(q, GroupBy::Agent);
                       if (!rows)
                           return rows.error();
                       return agentsJson(*rows, q);
                   });
}

int runTrends(CliContext &ctx)
{
    return runRead(ctx, QStringLiteral("One row per UTC day of the window, days without decisions included."), true, {},
                   [](const StatsService &s, const StatsQuery &q) -> Result<QJsonObject> {
                       auto rows = s.grouped(q, GroupBy::Day);
                       if (!rows)
                           return rows.error();
                       return trendsJson(*rows, q);
                   });
}

}  // namespace

ATALAYA_CLI_COMMAND(stats, "stats", "Overall statistics of the window", runStats);
ATALAYA_CLI_COMMAND(agent, "agent", "Statistics of one agent", runAgent);
ATALAYA_CLI_COMMAND(accuracy, "accuracy", "Accuracy with agent/task filters", runAccuracy);
ATALAYA_CLI_COMMAND(agents, "agents", "One row per agent", runAgents);
ATALAYA_CLI_COMMAND(trends, "trends", "One row per day", runTrends);

}  // namespace atalaya::cli

#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/WindowOptions.h"

#include "core/alerts/Alerts.h"
#include "core/insights/InsightText.h"
#include "core/insights/InsightsService.h"
#include "core/insights/ModelVersions.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsService.h"

namespace atalaya::cli {
namespace {

int runCalibration(CliContext &ctx)
{
    addWindowOptions(ctx, true);
    ctx.parser().addOption(
        {QStringLiteral("bins"), QStringLiteral("Confidence bins (2–100, default 10)."), QStringLiteral("n")});
    if (!ctx.parse(
            QStringLiteral("Reliability table of reviewed decisions, ECE and the over/under-confident verdict.")))
        return ctx.exitCode();
    auto query = windowFrom(ctx, true);
    if (!query)
        return ctx.fail(query.error());
    auto bins = ctx.intOption(QStringLiteral("bins"), 10, 2, 100);
    if (!bins)
        return ctx.fail(bins.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto report = StatsSamples(*db).calibration(*query, *bins);
    if (!report)
        return ctx.fail(report.error());
    return ctx.print(calibrationJson(*report, *query));
}

int runAlerts(CliContext &ctx)
{
    addWindowOptions(ctx, false);
    ctx.parser().addOption(
        {QStringLiteral("fail-on"),
         QStringLiteral("Exit 6 when an alert of this severity or worse is active: critical, high or medium."),
         QStringLiteral("severity")});
    if (!ctx.parse(QStringLiteral("Active alerts from the seed 000 thresholds, overall and per agent.")))
        return ctx.exitCode();
    std::optional<AlertSeverity> failOn;
    if (ctx.parser().isSet(QStringLiteral("fail-on"))) {
        const QString value = ctx.parser().value(QStringLiteral("fail-on"));
        failOn = severityFromKey(value);
        if (!failOn)
            return ctx.usageError(QStringLiteral("--fail-on is '%1'; allowed: critical, high, medium").arg(value));
    }
    auto query = windowFrom(ctx, false);
    if (!query)
        return ctx.fail(query.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto alerts = activeAlerts(StatsService(*db), *query);
    if (!alerts)
        return ctx.fail(alerts.error());
    const int printed = ctx.print(alertsJson(*alerts, *query));
    if (printed == 0 && failOn && anyAtLeast(*alerts, *failOn))
        return static_cast<int>(ErrorCode::GateFailed);
    return printed;
}

int runInsights(CliContext &ctx)
{
    QCommandLineParser &p = ctx.parser();
    p.addOption({QStringLiteral("days"), QStringLiteral("Current window: the last N days (1–3650, default 7)."),
                 QStringLiteral("n")});
    p.addOption({QStringLiteral("baseline-days"),
                 QStringLiteral("Baseline: the N days before the window (1–3650; default: as long as the window)."),
                 QStringLiteral("n")});
    p.addOption(
        {QStringLiteral("agent"), QStringLiteral("Only this agent id (and its task types)."), QStringLiteral("id")});
    p.addOption({QStringLiteral("fail-on"),
                 QStringLiteral("Exit 6 when an insight of this severity or worse is found: high, medium or low."),
                 QStringLiteral("severity")});
    if (!ctx.parse(QStringLiteral("What changed: each agent's and task type's current window against a baseline, "
                                  "tested with false-discovery control (docs/INSIGHTS.md).")))
        return ctx.exitCode();
    std::optional<InsightSeverity> failOn;
    if (p.isSet(QStringLiteral("fail-on"))) {
        const QString value = p.value(QStringLiteral("fail-on"));
        failOn = insightSeverityFromKey(value);
        if (!failOn)
            return ctx.usageError(QStringLiteral("--fail-on is '%1'; allowed: high, medium, low").arg(value));
    }
    InsightOptions options;
    auto days = ctx.intOption(QStringLiteral("days"), 7, 1, 3650);
    if (!days)
        return ctx.fail(days.error());
    options.days = *days;
    if (p.isSet(QStringLiteral("baseline-days"))) {
        auto baseline = ctx.intOption(QStringLiteral("baseline-days"), 7, 1, 3650);
        if (!baseline)
            return ctx.fail(baseline.error());
        options.baselineDays = *baseline;
    }
    options.agentId = p.value(QStringLiteral("agent"));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto report = InsightsService(*db).run(options);
    if (!report)
        return ctx.fail(report.error());
    const int printed = ctx.print(insightsJson(*report));
    if (printed == 0 && failOn && anyInsightAtLeast(report->insights, *failOn))
        return static_cast<int>(ErrorCode::GateFailed);
    return printed;
}

int runVersions(CliContext &ctx)
{
    addWindowOptions(ctx, false);
    ctx.parser().addOption({QStringLiteral("agent"),
                            QStringLiteral("The agent whose model versions to compare (required)."),
                            QStringLiteral("id")});
    if (!ctx.parse(QStringLiteral("An agent's model versions side by side: accuracy with its 95 % interval, P95, "
                                  "confidence and calibration, each newer version tested against the one before it.")))
        return ctx.exitCode();
    const QString agent = ctx.parser().value(QStringLiteral("agent"));
    if (agent.isEmpty())
        return ctx.usageError(QStringLiteral("--agent is required; `atalaya-cli agents` lists the known agents"));
    auto query = windowFrom(ctx, false);
    if (!query)
        return ctx.fail(query.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    // Asked for by name, so without rollups it reads whatever the window holds, but says what
    // it will cost.
    if (!versions::servedByRollups(**db, query->withAgent(agent))) {
        auto counts = versions::decisionsPerAgent(**db, query->withAgent(agent));
        if (!counts)
            return ctx.fail(counts.error());
        if (const qint64 n = (*counts)[agent]; n > versions::scanBudget())
            ctx.warn(QStringLiteral("%1 decisions in the window exceed the %2 the model-version read is meant for "
                                    "without rollups; reading them raw takes about %3 s (a shorter --days is "
                                    "faster; `atalaya-cli init --rebuild-rollups` builds the rollups)")
                         .arg(n)
                         .arg(versions::scanBudget())
                         .arg(static_cast<double>(n) * versions::kSecondsPerDecision, 0, 'f', 1));
    }
    auto report = ModelVersionsService(*db).report(agent, *query);
    if (!report)
        return ctx.fail(report.error());
    return ctx.print(versionReportJson(*report));
}

}  // namespace

ATALAYA_CLI_COMMAND(versions, "versions", "An agent's model versions side by side (A/B)", runVersions);
ATALAYA_CLI_COMMAND(insights, "insights", "What changed: detected shifts with false-discovery control", runInsights);
ATALAYA_CLI_COMMAND(calibration, "calibration", "Confidence calibration of reviewed decisions", runCalibration);
ATALAYA_CLI_COMMAND(alerts, "alerts", "Active alerts (seed 000 thresholds)", runAlerts);

}  // namespace atalaya::cli

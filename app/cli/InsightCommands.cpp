#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/WindowOptions.h"

#include "core/alerts/Alerts.h"
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

}  // namespace

ATALAYA_CLI_COMMAND(calibration, "calibration", "Confidence calibration of reviewed decisions", runCalibration);
ATALAYA_CLI_COMMAND(alerts, "alerts", "Active alerts (seed 000 thresholds)", runAlerts);

}  // namespace atalaya::cli

#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"

#include "core/forecast/CapacityForecast.h"
#include "core/forecast/ForecastJson.h"

namespace atalaya::cli {
namespace {

int runForecast(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("hours"),
                            QStringLiteral("Forecast this many hours ahead (1–%1, default %2).")
                                .arg(forecast::kMaxHours)
                                .arg(forecast::kDefaultHours),
                            QStringLiteral("h")});
    ctx.parser().addOption(
        {QStringLiteral("reviewers"),
         QStringLiteral("Reviewers on duty every hour (0–1000; default: the team's usual presence at that hour of the "
                        "week, from the audit log)."),
         QStringLiteral("n")});
    ctx.parser().addOption({QStringLiteral("agent"),
                            QStringLiteral("Forecast only this agent's queue: its arrivals and pending decisions (the "
                                           "reviewers' pace and presence stay the whole team's)."),
                            QStringLiteral("id")});
    addRulesOption(ctx, QStringLiteral("for the priorities and SLAs"));
    if (!ctx.parse(QStringLiteral("Review capacity and SLA forecast: expected backlog and deadline breaches per "
                                  "priority, and the reviewer-hours that keep every deadline.")))
        return ctx.exitCode();
    auto hours = ctx.intOption(QStringLiteral("hours"), forecast::kDefaultHours, 1, forecast::kMaxHours);
    if (!hours)
        return ctx.fail(hours.error());
    std::optional<int> reviewers;
    if (ctx.parser().isSet(QStringLiteral("reviewers"))) {
        auto n = ctx.intOption(QStringLiteral("reviewers"), 0, 0, 1000);
        if (!n)
            return ctx.fail(n.error());
        reviewers = *n;
    }
    auto loadedRules = activeRules(ctx);
    if (!loadedRules)
        return ctx.fail(loadedRules.error());
    const ReviewRules rules = *loadedRules;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const QString agent = ctx.parser().value(QStringLiteral("agent"));
    auto result = forecast::runForecast(*db, rules, QDateTime::currentDateTimeUtc(), *hours, reviewers, agent);
    if (!result)
        return ctx.fail(result.error());
    if (!agent.isEmpty() && !result->inputs.hasQueue())
        ctx.warn(QStringLiteral("agent '%1' has no queued decision in the last four weeks and none pending; "
                                "check the id with `atalaya-cli agents`")
                     .arg(agent));
    return ctx.print(forecast::forecastJson(*result));
}

}  // namespace

ATALAYA_CLI_COMMAND(forecast, "forecast", "Review capacity and SLA forecast: backlog, breaches, reviewer-hours needed",
                    runForecast);

}  // namespace atalaya::cli

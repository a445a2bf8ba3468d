#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

#include "core/forecast/CapacityForecast.h"
#include "core/forecast/ForecastJson.h"
#include "core/settings/Settings.h"

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
    ctx.parser().addOption(
        {QStringLiteral("rules"),
         QStringLiteral(
             "A review rules JSON file (default: the rule set saved in Atalaya's settings, the one the GUI's "
             "review queue uses; the built-in rules of docs/REVIEW_QUEUE.md when none is saved)."),
         QStringLiteral("file")});
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
    // The GUI's active rule set, so that both forecast the same queue.
    ReviewRules rules = ReviewRules::fromSettingsJson(Settings().reviewRulesJson());
    if (ctx.parser().isSet(QStringLiteral("rules"))) {
        auto loaded = ReviewRules::fromFile(ctx.parser().value(QStringLiteral("rules")));
        if (!loaded)
            return ctx.fail(loaded.error());
        rules = *loaded;
    }
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

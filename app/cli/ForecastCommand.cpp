#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

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
    ctx.parser().addOption(
        {QStringLiteral("rules"),
         QStringLiteral("A review rules JSON file (default: the built-in rules of docs/REVIEW_QUEUE.md)."),
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
    ReviewRules rules = ReviewRules::defaults();
    if (ctx.parser().isSet(QStringLiteral("rules"))) {
        auto loaded = ReviewRules::fromFile(ctx.parser().value(QStringLiteral("rules")));
        if (!loaded)
            return ctx.fail(loaded.error());
        rules = *loaded;
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto result = forecast::runForecast(*db, rules, QDateTime::currentDateTimeUtc(), *hours, reviewers);
    if (!result)
        return ctx.fail(result.error());
    return ctx.print(forecast::forecastJson(*result));
}

}  // namespace

ATALAYA_CLI_COMMAND(forecast, "forecast", "Review capacity and SLA forecast: backlog, breaches, reviewer-hours needed",
                    runForecast);

}  // namespace atalaya::cli

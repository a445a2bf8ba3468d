#include "app/cli/WindowOptions.h"

namespace atalaya::cli {

void addWindowOptions(CliContext &ctx, bool filters)
{
    ctx.parser().addOption(
        {QStringLiteral("days"), QStringLiteral("Window: the last N days (1–3650, default 30)."), QStringLiteral("n")});
    if (filters) {
        ctx.parser().addOption({QStringLiteral("agent"), QStringLiteral("Only this agent id."), QStringLiteral("id")});
        ctx.parser().addOption(
            {QStringLiteral("task"), QStringLiteral("Only this task type."), QStringLiteral("type")});
    }
}

Result<StatsQuery> windowFrom(CliContext &ctx, bool filters)
{
    auto days = ctx.intOption(QStringLiteral("days"), 30, 1, 3650);
    if (!days)
        return days.error();
    auto q = StatsQuery::lastDays(*days);
    if (!q)
        return q.error();
    if (!filters)
        return *q;
    return q->withAgent(ctx.parser().value(QStringLiteral("agent")))
        .withTask(ctx.parser().value(QStringLiteral("task")));
}

}  // namespace atalaya::cli

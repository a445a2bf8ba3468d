#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"
#include "app/cli/WindowOptions.h"

#include "core/dashboard/OpenMetrics.h"

#include <cstdio>

namespace atalaya::cli {
namespace {

int runMetrics(CliContext &ctx)
{
    addWindowOptions(ctx, false);
    if (!ctx.parse(QStringLiteral("The KPIs, per-agent accuracy and latency, the review queue and the insights in "
                                  "OpenMetrics text, for the node_exporter textfile collector.")))
        return ctx.exitCode();
    auto query = windowFrom(ctx, false);
    if (!query)
        return ctx.fail(query.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto rules = activeRules(ctx);
    if (!rules)
        return ctx.fail(rules.error());
    auto snapshot = loadMetrics(*db, *query, *rules);
    if (!snapshot)
        return ctx.fail(snapshot.error());
    const QByteArray text = openMetricsText(*snapshot).toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stdout);
    std::fflush(stdout);
    return 0;
}

}  // namespace

ATALAYA_CLI_COMMAND(metrics, "metrics", "KPIs, queue and insights in OpenMetrics text (node_exporter)", runMetrics);

}  // namespace atalaya::cli

#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"

#include "core/queue/DoubleReview.h"
#include "core/queue/QueueJson.h"
#include "core/settings/LoginName.h"
#include "core/queue/ReviewQueue.h"

namespace atalaya::cli {
namespace {

int runQueue(CliContext &ctx)
{
    ctx.parser().addOption(
        {QStringLiteral("limit"), QStringLiteral("At most N items (1–10000, default 200)."), QStringLiteral("n")});
    ctx.parser().addOption({QStringLiteral("priority"),
                            QStringLiteral("Only items of this priority: P0, P1, P2 or P3."), QStringLiteral("p")});
    ctx.parser().addOption({QStringLiteral("agent"), QStringLiteral("Only this agent id."), QStringLiteral("id")});
    ctx.parser().addOption(
        {QStringLiteral("include-p3-all"), QStringLiteral("Every P3 decision, not only the stable 10 % sample.")});
    addRulesOption(ctx, QStringLiteral("for the priorities and deadlines"));
    ctx.parser().addOption({QStringLiteral("view"),
                            QStringLiteral("pending (default), second (decisions waiting for a blind second review) or "
                                           "adjudication (first and second review disagree)."),
                            QStringLiteral("view")});
    ctx.parser().addOption({QStringLiteral("reviewer"),
                            QStringLiteral("With --view second or adjudication: who reviews; decisions they gave a "
                                           "verdict the view waits on are left out and counted under "
                                           "\"for_others\" (default: the OS login name)."),
                            QStringLiteral("name")});
    if (!ctx.parse(QStringLiteral("The pending review queue, P0–P3, ordered by priority then due time.")))
        return ctx.exitCode();
    const QString view = ctx.parser().isSet(QStringLiteral("view")) ? ctx.parser().value(QStringLiteral("view"))
                                                                    : QStringLiteral("pending");
    if (view != QLatin1String("pending") && view != QLatin1String("second") && view != QLatin1String("adjudication"))
        return ctx.usageError(QStringLiteral("--view '%1' must be one of pending, second, adjudication").arg(view));
    auto limit = ctx.intOption(QStringLiteral("limit"), 200, 1, 10000);
    if (!limit)
        return ctx.fail(limit.error());
    QueueFilter filter;
    filter.limit = *limit;
    filter.agentId = ctx.parser().value(QStringLiteral("agent"));
    filter.includeAllP3 = ctx.parser().isSet(QStringLiteral("include-p3-all"));
    if (ctx.parser().isSet(QStringLiteral("priority"))) {
        const QString text = ctx.parser().value(QStringLiteral("priority"));
        filter.priority = priorityFromString(text);
        if (!filter.priority)
            return ctx.usageError(QStringLiteral("--priority '%1' must be one of P0, P1, P2, P3").arg(text));
    }
    auto loadedRules = activeRules(ctx);
    if (!loadedRules)
        return ctx.fail(loadedRules.error());
    const ReviewRules rules = *loadedRules;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (view != QLatin1String("pending")) {
        const QString named = ctx.parser().value(QStringLiteral("reviewer"));
        const QString reviewer = named.isEmpty() ? osLoginName() : named;
        const DoubleReview doubleReview(*db, rules);
        const bool second = view == QLatin1String("second");
        auto items = second ? doubleReview.secondReviewItems(reviewer, filter)
                            : doubleReview.adjudicationItems(reviewer, filter);
        if (!items)
            return ctx.fail(items.error());
        auto counts = second ? doubleReview.secondReviewCounts(reviewer, filter)
                             : doubleReview.adjudicationCounts(reviewer, filter);
        if (!counts)
            return ctx.fail(counts.error());
        return ctx.print(doubleReviewJson(view, *items, *counts, QDateTime::currentDateTimeUtc()));
    }
    auto snapshot = ReviewQueue(*db, rules).snapshot(filter);
    if (!snapshot)
        return ctx.fail(snapshot.error());
    return ctx.print(queueJson(*snapshot));
}

}  // namespace

ATALAYA_CLI_COMMAND(queue, "queue", "The pending review queue (P0–P3) with reasons and due times", runQueue);

}  // namespace atalaya::cli

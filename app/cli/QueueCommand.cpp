#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

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
    ctx.parser().addOption(
        {QStringLiteral("rules"),
         QStringLiteral("A review rules JSON file (default: the built-in rules of docs/REVIEW_QUEUE.md)."),
         QStringLiteral("file")});
    ctx.parser().addOption({QStringLiteral("view"),
                            QStringLiteral("pending (default), second (decisions waiting for a blind second review) or "
                                           "adjudication (first and second review disagree)."),
                            QStringLiteral("view")});
    ctx.parser().addOption({QStringLiteral("reviewer"),
                            QStringLiteral("With --view second: who reviews; their own first reviews are left out "
                                           "(default: the OS login name)."),
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
    if (view != QLatin1String("pending")) {
        const QString reviewer = ctx.parser().value(QStringLiteral("reviewer"));
        const DoubleReview doubleReview(*db, rules);
        auto items = view == QLatin1String("second")
            ? doubleReview.secondReviewItems(reviewer.isEmpty() ? osLoginName() : reviewer, filter)
            : doubleReview.adjudicationItems(filter);
        if (!items)
            return ctx.fail(items.error());
        return ctx.print(doubleReviewJson(view, *items, QDateTime::currentDateTimeUtc()));
    }
    auto snapshot = ReviewQueue(*db, rules).snapshot(filter);
    if (!snapshot)
        return ctx.fail(snapshot.error());
    return ctx.print(queueJson(*snapshot));
}

}  // namespace

ATALAYA_CLI_COMMAND(queue, "queue", "The pending review queue (P0–P3) with reasons and due times", runQueue);

}  // namespace atalaya::cli

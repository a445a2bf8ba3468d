#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"

#include "core/queue/DoubleReview.h"
#include "core/settings/LoginName.h"
#include "core/telemetry/FeedbackRepository.h"

namespace atalaya::cli {
namespace {

int runFeedback(CliContext &ctx)
{
    ctx.parser().addOption({QStringLiteral("reviewer"), QStringLiteral("Who reviewed (default: the OS login name)."),
                            QStringLiteral("name")});
    ctx.parser().addOption(
        {QStringLiteral("note"), QStringLiteral("An optional note kept in the audit log."), QStringLiteral("text")});
    ctx.parser().addOption(
        {QStringLiteral("role"),
         QStringLiteral("first, second (a blind second review by another reviewer) or adjudication (decides a "
                        "disagreement). Default: inferred from the decision's reviews and the review rules."),
         QStringLiteral("role")});
    addRulesOption(ctx, QStringLiteral("for inferring the role"));
    if (!ctx.parse(QStringLiteral("Record human feedback on a decision (re-review is allowed and audited)."),
                   QStringLiteral("ID correct|incorrect|partially_correct")))
        return ctx.exitCode();
    const QStringList args = ctx.positional();
    if (args.size() != 2)
        return ctx.usageError(
            QStringLiteral("expected ID and a value: feedback ID correct|incorrect|partially_correct"));
    bool ok = false;
    const qint64 id = args[0].toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.usageError(QStringLiteral("ID '%1' must be a positive integer telemetry id").arg(args[0]));
    const auto value = feedbackFromString(args[1]);
    if (!value)
        return ctx.usageError(
            QStringLiteral("feedback '%1' is not one of correct, incorrect, partially_correct").arg(args[1]));
    const QString reviewer = ctx.parser().value(QStringLiteral("reviewer"));
    const QString note = ctx.parser().value(QStringLiteral("note"));
    if (Status valid = validateReviewText(reviewer, note, QStringLiteral("--")); !valid)
        return ctx.fail(valid.error());
    std::optional<ReviewRole> role;
    if (ctx.parser().isSet(QStringLiteral("role"))) {
        const QString text = ctx.parser().value(QStringLiteral("role"));
        role = reviewRoleFromString(text);
        if (!role)
            return ctx.usageError(QStringLiteral("--role '%1' must be one of first, second, adjudication").arg(text));
    }
    auto loadedRules = activeRules(ctx);
    if (!loadedRules)
        return ctx.fail(loadedRules.error());
    const ReviewRules rules = *loadedRules;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const QString who = reviewer.isEmpty() ? osLoginName() : reviewer;
    if (!role) {
        auto inferred = DoubleReview(*db, rules).inferRole(id, who);
        if (!inferred)
            return ctx.fail(inferred.error());
        role = *inferred;
    }
    FeedbackRequest request;
    request.telemetryId = id;
    request.value = *value;
    request.reviewer = who;
    request.note = note;
    request.role = *role;
    auto result = FeedbackRepository(*db).record(request);
    if (!result) {
        // The CLI contract has no conflict code: a review taken meanwhile is refused input.
        if (result.error().code == ErrorCode::Conflict)
            return ctx.fail(makeError(ErrorCode::Usage, result.error().message));
        return ctx.fail(result.error());
    }
    return ctx.print(
        {{QStringLiteral("id"), result->id},
         {QStringLiteral("human_feedback"), result->humanFeedback},
         {QStringLiteral("accuracy"), result->accuracy.value_or(0.0)},
         {QStringLiteral("role"), reviewRoleToString(result->role)},
         {QStringLiteral("previous"), result->previous.isEmpty() ? QJsonValue() : QJsonValue(result->previous)}});
}

}  // namespace

ATALAYA_CLI_COMMAND(feedback, "feedback", "Record human feedback on a decision", runFeedback);

}  // namespace atalaya::cli

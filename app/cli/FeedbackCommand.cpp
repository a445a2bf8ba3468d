#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"

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
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    FeedbackRequest request;
    request.telemetryId = id;
    request.value = *value;
    request.reviewer = reviewer.isEmpty() ? osLoginName() : reviewer;
    request.note = note;
    auto result = FeedbackRepository(*db).record(request);
    if (!result)
        return ctx.fail(result.error());
    return ctx.print(
        {{QStringLiteral("id"), result->id},
         {QStringLiteral("human_feedback"), result->humanFeedback},
         {QStringLiteral("accuracy"), result->accuracy.value_or(0.0)},
         {QStringLiteral("previous"), result->previous.isEmpty() ? QJsonValue() : QJsonValue(result->previous)}});
}

}  // namespace

ATALAYA_CLI_COMMAND(feedback, "feedback", "Record human feedback on a decision", runFeedback);

}  // namespace atalaya::cli

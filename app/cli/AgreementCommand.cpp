#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"
#include "app/cli/WindowOptions.h"

#include "core/agreement/AgreementJson.h"
#include "core/agreement/AgreementReader.h"

namespace atalaya::cli {
namespace {

int runAgreement(CliContext &ctx)
{
    addWindowOptions(ctx, true);
    addRulesOption(ctx, QStringLiteral("for the priorities and SLAs"));
    if (!ctx.parse(QStringLiteral("Reviewer agreement on double-reviewed decisions: weighted κ overall, per agent "
                                  "and per reviewer pair, and each reviewer's figures.")))
        return ctx.exitCode();
    auto query = windowFrom(ctx, true);
    if (!query)
        return ctx.fail(query.error());
    auto loadedRules = activeRules(ctx);
    if (!loadedRules)
        return ctx.fail(loadedRules.error());
    const ReviewRules rules = *loadedRules;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto report = loadAgreement(*db, *query, rules);
    if (!report)
        return ctx.fail(report.error());
    return ctx.print(agreementJson(*report));
}

}  // namespace

ATALAYA_CLI_COMMAND(agreement, "agreement", "Reviewer agreement (weighted κ) on double-reviewed decisions",
                    runAgreement);

}  // namespace atalaya::cli

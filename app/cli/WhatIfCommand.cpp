#include "app/cli/CliContext.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/RulesOption.h"
#include "app/cli/WindowOptions.h"

#include "core/insights/WhatIf.h"

namespace atalaya::cli {
namespace {

int runWhatIf(CliContext &ctx)
{
    QCommandLineParser &p = ctx.parser();
    addWindowOptions(ctx, false);
    p.addOption({QStringLiteral("agent"), QStringLiteral("Only this agent's decisions."), QStringLiteral("id")});
    p.addOption({QStringLiteral("p0-below"),
                 QStringLiteral("Proposed P0 cut: confidence below X (default: the rules' own)."),
                 QStringLiteral("x")});
    p.addOption({QStringLiteral("p1-below"),
                 QStringLiteral("Proposed P1 cut: confidence from X to below Y (default: the rules' own)."),
                 QStringLiteral("y")});
    p.addOption({QStringLiteral("p2-below"),
                 QStringLiteral("Proposed P2 cut: confidence from Y up to Z; above Z is P3 (default: the rules' own)."),
                 QStringLiteral("z")});
    addRulesOption(ctx, QStringLiteral("the current rules the cut-points are compared with"));
    if (!ctx.parse(QStringLiteral("Threshold what-if: review load per day per priority and wrong decisions left "
                                  "unreviewed, for proposed confidence cut-points against the current rules.")))
        return ctx.exitCode();
    auto loadedRules = activeRules(ctx);
    if (!loadedRules)
        return ctx.fail(loadedRules.error());
    const ReviewRules rules = *loadedRules;
    const CutPoints own = cutPointsOf(rules).value_or(CutPoints{});
    CutPoints cuts;
    const std::array<std::pair<QString, double *>, 3> options = {{{QStringLiteral("p0-below"), &cuts.p0Below},
                                                                  {QStringLiteral("p1-below"), &cuts.p1Below},
                                                                  {QStringLiteral("p2-below"), &cuts.p2Below}}};
    const std::array<double, 3> fallbacks = {own.p0Below, own.p1Below, own.p2Below};
    for (size_t i = 0; i < options.size(); ++i) {
        auto value = ctx.doubleOption(options[i].first, fallbacks[i], 0.0, 1.0);
        if (!value)
            return ctx.fail(value.error());
        *options[i].second = *value;
    }
    if (auto valid = validateCutPoints(cuts); !valid)
        return ctx.fail(valid.error());
    auto query = windowFrom(ctx, false);
    if (!query)
        return ctx.fail(query.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto inputs = readWhatIfInputs(*db, query->withAgent(p.value(QStringLiteral("agent"))));
    if (!inputs)
        return ctx.fail(inputs.error());
    return ctx.print(whatIfJson(whatIfReport(*inputs, rules, cuts)));
}

}  // namespace

ATALAYA_CLI_COMMAND(whatif, "whatif", "Threshold what-if: review load and missed errors for proposed cut-points",
                    runWhatIf);

}  // namespace atalaya::cli

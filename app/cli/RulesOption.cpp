#include "app/cli/RulesOption.h"

#include "core/settings/Settings.h"

namespace atalaya::cli {
namespace {

const QString kRules = QStringLiteral("rules");

}  // namespace

void addRulesOption(CliContext &ctx, const QString &purpose)
{
    ctx.parser().addOption({kRules,
                            QStringLiteral("A review rules JSON file, %1 (default: the rule set saved in Atalaya's "
                                           "settings, the one the GUI's review queue uses; the built-in rules of "
                                           "docs/REVIEW_QUEUE.md when none is saved).")
                                .arg(purpose),
                            QStringLiteral("file")});
}

Result<ReviewRules> activeRules(CliContext &ctx)
{
    // optionNames(), not isSet(): the latter warns for a command that never added --rules.
    if (ctx.parser().optionNames().contains(kRules))
        return ReviewRules::fromFile(ctx.parser().value(kRules));
    return ReviewRules::fromSettingsJson(Settings().reviewRulesJson());
}

}  // namespace atalaya::cli

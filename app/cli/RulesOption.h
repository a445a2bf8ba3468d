#pragma once

#include "app/cli/CliContext.h"
#include "core/common/Result.h"
#include "core/queue/ReviewRules.h"

namespace atalaya::cli {

// One `--rules` for every command that ranks decisions, so that each one and the GUI's queue
// agree on the same P0–P3 (docs/CLI.md, "Review rules").

// Adds `--rules <file>`; `purpose` says what the command uses the rules for.
void addRulesOption(CliContext &ctx, const QString &purpose);

// The `--rules` file when given; else the rule set saved in the settings (`queue/rules`, the
// GUI's active set); else the built-in rules. Safe to call when the command has no `--rules`.
Result<ReviewRules> activeRules(CliContext &ctx);

}  // namespace atalaya::cli

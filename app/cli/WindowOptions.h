#pragma once

#include "app/cli/CliContext.h"

#include "core/aggregates/StatsQuery.h"

namespace atalaya::cli {

// `--days N` and, with filters, `--agent A --task T`: the window of every read command.
void addWindowOptions(CliContext &ctx, bool filters);
Result<StatsQuery> windowFrom(CliContext &ctx, bool filters);

}  // namespace atalaya::cli

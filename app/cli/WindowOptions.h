#pragma once

#include "CliContext.h"

#include "stats/StatsQuery.h"

namespace atalaya::cli {

// `--days N` and, with filters, `--agent A --task T`: the window of every read command.
void addWindowOptions(CliContext &ctx, bool filters);
Result<StatsQuery> windowFrom(CliContext &ctx, bool filters);

} // namespace atalaya::cli

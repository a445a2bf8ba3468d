#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/queue/ReviewQueue.h"
#include "core/storage/DerivedTable.h"

#include <QDateTime>

#include <optional>
#include <vector>

namespace atalaya::queuecounts {

// The queue counts table (QueueCountsSchema): exact per-priority counts of pending decisions
// without reading them. Totals come from the (agent, code) table; "not overdue yet" is the sum
// of the hour rows after the hour of now − SLA plus the pending rows of that one edge hour read
// raw, so overdue is exact for any `now`. Reads run in one transaction (one snapshot).

// Whether the table is kept for exactly these rules (built, and all three of their triggers).
Result<bool> installedFor(const Database &db, const ReviewRules &rules);

// The rule sets whose triggers exist (the bulk ingest adds its rows' counts for each).
Result<std::vector<ReviewRules>> triggerRuleSets(const Database &db);

// The counts, or nullopt when the table is not kept for these rules (the caller counts raw).
Result<std::optional<QueueCounts>> read(const Database &db, const ReviewRules &rules, const QueueFilter &filter,
                                        const QDateTime &now);

// (Re)creates the triggers of `rules` and builds their rows from ai_telemetry in short chunks
// while other writers go on (core/storage/ChunkedBuild.h), or continues an interrupted build;
// other rule sets are left as they are, except the oldest past kMaxRuleSets, which are
// dropped. False (not an error) when the account may not create triggers: counts then stay raw.
Result<bool> rebuild(const Database &db, const ReviewRules &rules, const ProgressFn &progress = {});
// The DDL rebuild() would run for `rules` (their triggers and the state row naming the rules),
// for a DBA (`init --print-sql`); empty when they exist. ensure() then builds the rows with
// an account that may only write rows.
Result<QStringList> installSql(const Database &db, const ReviewRules &rules);

// What `init` does: build for `rules` when nothing was built for them yet and ai_telemetry has
// at most maxRowsToBuild rows (ensureDerivedTable).
Result<EnsureReport> ensure(const Database &db, const ReviewRules &rules, qint64 maxRowsToBuild);

}  // namespace atalaya::queuecounts

#pragma once

#include "core/common/Progress.h"
#include "core/common/Result.h"
#include "core/queue/ReviewQueue.h"
#include "core/storage/DerivedTable.h"

#include <QDateTime>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya::queuecounts {

class LiveQueueCountsPart;

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

// (Re)creates the triggers of `rules` at a cut and returns their rows' share of the live scan
// of ai_telemetry up to it (core/storage/ChunkedBuild.h); an interrupted build starts over.
// Other rule sets are left as they are, except the oldest past kMaxRuleSets, which are
// dropped. nullptr (not an error) when the account may not create triggers: counts then stay raw.
Result<std::unique_ptr<LiveQueueCountsPart>> startLiveBuild(const Database &db, const ReviewRules &rules);
// After the scan wrote its part: the counts of `rules` are read from here on.
Status finishLiveBuild(const Database &db, const ReviewRules &rules);
// The two above with a scan of the counts' own; false when the account may not create triggers.
Result<bool> rebuild(const Database &db, const ReviewRules &rules, const ProgressFn &progress = {});
// The DDL rebuild() would run for `rules` (their triggers and the state row naming the rules),
// for a DBA (`init --print-sql`); empty when they exist. ensure() then builds the rows with
// an account that may only write rows.
Result<QStringList> installSql(const Database &db, const ReviewRules &rules);

// What `init` does: build for `rules` when nothing was built for them yet and ai_telemetry has
// at most maxRowsToBuild rows (ensureDerivedTable).
Result<EnsureReport> ensure(const Database &db, const ReviewRules &rules, qint64 maxRowsToBuild);

}  // namespace atalaya::queuecounts

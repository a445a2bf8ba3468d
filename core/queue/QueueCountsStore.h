#pragma once

#include "common/Result.h"
#include "queue/ReviewQueue.h"

#include <QDateTime>

#include <optional>

namespace atalaya::queuecounts {

// The queue counts table (QueueCountsSchema): exact per-priority counts of pending decisions
// without reading them. Totals come from the (agent, code) table; "not overdue yet" is the sum
// of the hour rows after the hour of now − SLA plus the pending rows of that one edge hour read
// raw, so overdue is exact for any `now`. Reads run in one transaction (one snapshot).

// Whether the table is kept for exactly these rules (state row and all three triggers).
Result<bool> installedFor(const Database &db, const ReviewRules &rules);

// The rules the triggers evaluate, or nullopt when there are no queue count triggers.
Result<std::optional<ReviewRules>> triggerRules(const Database &db);

// The counts, or nullopt when the table is not kept for these rules (the caller counts raw).
Result<std::optional<QueueCounts>> read(const Database &db, const ReviewRules &rules, const QueueFilter &filter,
                                        const QDateTime &now);

// Replaces the triggers with ones for `rules` and rebuilds both tables from ai_telemetry
// (one pass over the pending rows). False (not an error) when the account may not create
// triggers: counts then stay raw.
Result<bool> rebuild(const Database &db, const ReviewRules &rules);

// What `init` does: build for `rules` when nothing was built yet and ai_telemetry has at most
// maxRowsToBuild rows; a table built for other rules (chosen in Settings) is left alone.
struct EnsureReport {
    bool ready = false;
    bool needsRebuild = false;
};
Result<EnsureReport> ensure(const Database &db, const ReviewRules &rules, qint64 maxRowsToBuild);

} // namespace atalaya::queuecounts

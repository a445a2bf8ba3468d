#pragma once

#include "core/common/Result.h"
#include "core/queue/ReviewQueue.h"
#include "core/aggregates/StatsQuery.h"

#include <QByteArray>

#include <memory>

namespace atalaya {

class Database;

struct CsvExport {
    QByteArray data;
    int rows = 0;
};

// `export csv --what decisions|agents|trends`: the window's decisions (ids, scores, feedback,
// times — never the decision payloads), the per-agent table or the per-day trends, in
// docs/CLI.md units (ratios 4 decimals, percentages 2, milliseconds 1).
Result<CsvExport> exportDecisionsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query);
Result<CsvExport> exportAgentsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query);
Result<CsvExport> exportTrendsCsv(const std::shared_ptr<const Database> &db, const StatsQuery &query);
// `export csv --what queue`: the review queue as `atalaya-cli queue` lists it (priority, then
// due time), one row per item with its reason, deadline and whether it is overdue now.
Result<CsvExport> exportQueueCsv(const std::shared_ptr<const Database> &db, const ReviewRules &rules,
                                 const QueueFilter &filter);

}  // namespace atalaya

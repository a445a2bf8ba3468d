#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskCsvCycles.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

namespace atalaya {

class Database;

struct CsvImportOptions {
    bool skipInvalid = false;  // write the valid rows; the invalid ones go to `rejects`
};

struct CsvImportReport {
    int imported = 0;
    int rejected = 0;
    QStringList errors;  // "line N: …", in file order
    QByteArray rejectedCsv;  // header + the rejected lines as they were
};

// `risk import FILE.csv` (docs/CLI.md): one row per cycle with cycle_id, created_at,
// deployment_failed and the 10 raw features; each becomes a deployment row of dora_metrics
// whose metadata carries the raw features (which then override every derivation). Every
// line is validated first; without skipInvalid one bad line means nothing is written
// (Usage, listing the first 20 bad lines). Cycle ids already in dora_metrics are refused.
Result<CsvImportReport> importCyclesCsv(const std::shared_ptr<const Database> &db, const QByteArray &csv,
                                        const CsvImportOptions &options);

}  // namespace atalaya

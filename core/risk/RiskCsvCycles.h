#pragma once

#include "core/common/Result.h"
#include "core/risk/RiskFeatures.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

#include <vector>

namespace atalaya {

// RFC 4180 records (quoted fields, "" escapes, CRLF or LF); each with its first line number.
struct CsvRecord {
    int line = 0;
    QStringList fields;
    QByteArray raw;
};
std::vector<CsvRecord> parseCsv(const QByteArray &csv);

// One valid line of a `risk import` file (docs/CLI.md §risk).
struct CsvCycle {
    QString cycleId;  // 1–50 characters, once per file
    QDateTime createdAt;
    bool failed = false;
    FeatureVector raw{};  // each within its feature's range
    int line = 0;
    QByteArray text;  // the record as it was
};

struct CyclesCsv {
    std::vector<CsvCycle> valid;
    QStringList errors;  // "line N: …", in file order
    QByteArray rejectedCsv;  // header + the rejected lines as they were
};

// The file's own checks, before any database is asked: Usage when it is empty or its header
// lacks a column; otherwise each line is valid or listed in `errors`.
Result<CyclesCsv> readCyclesCsv(const QByteArray &csv);

}  // namespace atalaya

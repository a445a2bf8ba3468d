// libFuzzer target for `risk import FILE.csv` (docs/CLI.md §risk): the RFC 4180 reader and the
// per-line checks that run before the database is asked. Every record must come back the same
// when written out again fully quoted, and a line the checks pass must hold only values the
// import may store (docs/RISK_MODEL.md §Features).
#include "tests/fuzz/FuzzCheck.h"
#include "core/risk/RiskCsvCycles.h"

#include <QSet>

#include <cmath>
#include <cstdint>

using namespace atalaya;

namespace {

QByteArray quoted(const std::vector<CsvRecord> &records)
{
    QByteArray out;
    for (const CsvRecord &r : records) {
        QStringList cells;
        for (QString f : r.fields)
            cells << QLatin1Char('"') + f.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray csv(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    const std::vector<CsvRecord> records = parseCsv(csv);
    int lastLine = 0;
    for (const CsvRecord &r : records) {
        FUZZ_CHECK(r.line > lastLine && !r.fields.isEmpty());
        lastLine = r.line;
    }
    const std::vector<CsvRecord> again = parseCsv(quoted(records));
    FUZZ_CHECK(again.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        FUZZ_CHECK(again[i].fields == records[i].fields);

    const Result<CyclesCsv> read = readCyclesCsv(csv);
    if (!read) {
        FUZZ_CHECK(read.error().code == ErrorCode::Usage && !read.error().message.isEmpty());
        return 0;
    }
    FUZZ_CHECK(read->valid.size() + static_cast<std::size_t>(read->errors.size()) == records.size() - 1);
    FUZZ_CHECK(read->rejectedCsv.startsWith(records.front().raw + '\n'));
    for (const QString &e : read->errors)
        FUZZ_CHECK(e.startsWith(QLatin1String("line ")));
    QSet<QString> ids;
    for (const CsvCycle &c : read->valid) {
        FUZZ_CHECK(!c.cycleId.isEmpty() && c.cycleId.size() <= 50 && c.cycleId == c.cycleId.trimmed());
        FUZZ_CHECK(!ids.contains(c.cycleId));
        ids.insert(c.cycleId);
        FUZZ_CHECK(c.createdAt.isValid() && c.createdAt.timeSpec() == Qt::UTC);
        for (int i = 0; i < kRiskFeatureCount; ++i)
            FUZZ_CHECK(std::isfinite(c.raw[i]) && validateFeature(i, c.raw[i]).isEmpty());
        // DECIMAL(10,2) of dora_metrics.duration_seconds.
        FUZZ_CHECK(c.raw[int(RiskFeature::LeadTime)] <= 99999999.99);
    }
    return 0;
}

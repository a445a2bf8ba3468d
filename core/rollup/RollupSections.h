#pragma once

#include "core/common/Result.h"
#include "core/rollup/RollupSchema.h"
#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/LatencySketch.h"
#include "core/aggregates/VersionCells.h"

#include <QString>

#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// A rollup row's key: slot is the hour or day number since the epoch, by level.
struct RollupKey {
    qint64 slot = 0;
    QString agentId;
    QString taskType;
    bool operator<(const RollupKey &o) const
    {
        return std::tie(slot, agentId, taskType) < std::tie(o.slot, o.agentId, o.taskType);
    }
};

qint64 dayOfHour(qint64 hour);

// The sections of a rollup row that triggers cannot maintain by adding (they only bump the
// versions): latency min/max/sketch, the calibration cells of the reviewed rows, and the
// valid rows' totals per model version.
struct SectionPart {
    LatencySketch sketch;
    std::optional<qint64> min;
    std::optional<qint64> max;
    CalibrationCells calibration;
    VersionCells versions;

    void merge(const SectionPart &o);
    // False when a BLOB is not what it should be (then the row is rebuilt).
    bool mergeStored(const std::optional<qint64> &min, const std::optional<qint64> &max, const QByteArray &latency,
                     const QByteArray &calibration, const QByteArray &versions);
};

// A row whose sections are out of date, with the versions they were read at.
struct StaleRow {
    RollupKey key;
    qint64 latVersion = 0;
    qint64 calVersion = 0;
    qint64 verVersion = 0;
};

// metadata.model_version as a rollup section and the raw version read group it: bytes on
// MariaDB (compared byte for byte, as agent ids are), json_extract's value on SQLite; NULL
// where the key is missing.
QString modelVersionExpression(const Dialect &d, const QString &row = QString());
// The version key of a value that expression read (NULL: no version).
VersionCells::Key modelVersionKey(const QVariant &v);

// Contiguous runs [from, to) of the stale rows' slots.
std::vector<std::pair<qint64, qint64>> slotRuns(const std::vector<StaleRow> &stale, qint64 slotsPerRow = 1);

// The hour parts of the raw valid rows in hours [fromHour, toHour) (one index range scan).
Status addRawParts(const Database &db, qint64 fromHour, qint64 toHour, std::map<RollupKey, SectionPart> &parts);

// Stores each stale row's sections (empty when `parts` lacks its key), each section only if
// its version did not move meanwhile, so a concurrent writer is never overwritten.
Status storeParts(const Database &db, Level level, const std::vector<StaleRow> &stale,
                  const std::map<RollupKey, SectionPart> &parts);

}  // namespace atalaya::rollup

#pragma once

#include "core/common/Result.h"
#include "core/aggregates/CalibrationCells.h"
#include "core/aggregates/StatsQuery.h"
#include "core/telemetry/Feedback.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;
struct CalibrationReport;

// One reviewed decision for the confidence-vs-accuracy scatter.
struct ReviewedSample {
    double confidence = 0.0;
    double accuracy = 0.0;
    Feedback feedback = Feedback::Correct;
};

// The numbers of a box plot for one group: nearest-rank quartiles and P5/P95 (from the
// rollups' latency sketches where they serve the window, then within 1 % and clamped to the
// exact minimum and maximum; exact from raw rows otherwise).
struct ExecutionBox {
    QString key;
    qint64 count = 0;
    qint64 minMs = 0;
    qint64 q1Ms = 0;
    qint64 medianMs = 0;
    qint64 q3Ms = 0;
    qint64 maxMs = 0;
    qint64 p5Ms = 0;  // whiskers of the dashboard's box plot, so a long tail stays readable
    qint64 p95Ms = 0;
    bool fromSketch = false;  // the percentiles are the sketch's (within 1 %), not exact
};

// Row-level reads the aggregates of StatsService cannot give: calibration cells, scatter
// samples, per-agent quartiles, pending urgent decisions. Same window and validity rules
// as StatsService. Thread-safe (per-thread connections).
class StatsSamples {
public:
    // useRollups = false forces the raw path (benchmarks compare both in one run).
    explicit StatsSamples(std::shared_ptr<const Database> db, bool useRollups = true);

    // Exact: from the rollups' calibration sections where usable, else from raw rows.
    Result<std::vector<ReviewedCell>> reviewedCells(const StatsQuery &query) const;
    // The calibration table of `bins` bins (2–100), exact: where bins divides 100 (the
    // dashboard's 10) from the rollups' per-percent cells, else from reviewedCells().
    Result<CalibrationReport> calibration(const StatsQuery &query, int bins) const;
    // The most recent `limit` reviewed decisions of the window.
    Result<std::vector<ReviewedSample>> reviewedSamples(const StatsQuery &query, int limit = 2000) const;
    // One box per agent with rows in the window, sorted by agent id; counts, minimum and
    // maximum exact. From the rollups like StatsService (raw rows when there are none).
    Result<std::vector<ExecutionBox>> executionBoxesByAgent(const StatsQuery &query) const;

private:
    std::shared_ptr<const Database> m_db;
    bool m_useRollups = true;
};

}  // namespace atalaya

#pragma once

#include "core/stats/StatsSamples.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace atalaya {

struct CalibrationBin {
    double lo = 0.0;  // [lo, hi); the last bin includes 1.0
    double hi = 0.0;
    qint64 count = 0;
    std::optional<double> meanConfidence;
    std::optional<double> meanAccuracy;
};

enum class CalibrationVerdict { Calibrated, OverConfident, UnderConfident };

// Reliability table of reviewed decisions (docs/CLI.md §calibration). ECE is the
// count-weighted mean of |mean accuracy − mean confidence| over the bins. The verdict is
// "calibrated" while ECE ≤ kCalibratedEce, else the sign of mean confidence − mean accuracy:
// over-confident (high confidence, lower accuracy) or under-confident.
struct CalibrationReport {
    static constexpr double kCalibratedEce = 0.05;

    int binCount = 10;
    qint64 reviewed = 0;
    std::vector<CalibrationBin> bins;
    std::optional<double> ece;
    std::optional<double> meanConfidence;
    std::optional<double> meanAccuracy;
    std::optional<CalibrationVerdict> verdict;  // none without reviewed decisions
};

// bins in [2, 100]; computed in integer units so every backend gives the same table.
CalibrationReport computeCalibration(const std::vector<ReviewedCell> &cells, int bins);
// Whether percents (ReviewedPercent) give the exact table of `bins` bins: bins divides 100.
bool percentsServe(int bins);
// The same table from percents; only for bins where percentsServe(bins).
CalibrationReport computeCalibration(const std::vector<ReviewedPercent> &percents, int bins);

QString calibrationVerdictKey(CalibrationVerdict verdict);
QJsonObject calibrationJson(const CalibrationReport &report, const StatsQuery &query);

}  // namespace atalaya

Q_DECLARE_METATYPE(atalaya::CalibrationReport)

#pragma once

#include "core/stats/Calibration.h"
#include "core/stats/StatsService.h"

#include <QString>

#include <vector>

namespace atalaya::test {

// QVERIFY-style comparisons of a rollup read with its naive counterpart: exact counts, sums,
// averages, min/max and calibration; percentiles within 1 %. They fail the running test.
void compareTotals(const WindowSummary &got, const WindowSummary &want, const QString &where);
void compareCells(const std::vector<ReviewedCell> &got, const std::vector<ReviewedCell> &want, const QString &where);
void compareCalibration(const CalibrationReport &got, const CalibrationReport &want, const QString &where);

}  // namespace atalaya::test

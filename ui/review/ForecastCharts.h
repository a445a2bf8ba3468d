#pragma once

#include "core/forecast/CapacityForecast.h"

#include <QString>

#include <vector>

class QChart;

namespace atalaya {

namespace charts {
struct ChartStyle;
}  // namespace charts
struct ReviewColors;

// The priorities the forecast draws: those with a deadline. P3 (none, and a backlog ten to a
// hundred times the others') is in the table only (docs/INSIGHTS.md §Capacity forecast).
bool forecastCharted(const forecast::ForecastInputs &inputs, Priority p);

// Deadlines of priority p expected missed from now to the end of each simulated hour, counted
// as the forecast's horizons count them: the larger of the simulated capacity shortfall and
// the team's lateness share of the deadlines due so far.
std::vector<double> missedByHour(const forecast::Forecast &f, Priority p);

// One priority's chart on an axis of its own, x in days from now: expected pending and
// deadlines missed since now, with hover tooltips (value and UTC time) on both lines.
QChart *forecastPriorityChart(const charts::ChartStyle &style, const ReviewColors &colors, const forecast::Forecast &f,
                              Priority p);

// The time (UTC, as every time shown) of the point `days` after `startMs` (ms since the epoch).
QString forecastPointTime(double startMs, double days);

// The figures per priority as a rich-text table: pending now and expected at 24 h and 7 days,
// overdue now, and deadlines expected missed within 24 h and 7 days.
QString forecastTableHtml(const forecast::Forecast &f);
// The legend the charts share (rich text).
QString forecastLegendHtml();

}  // namespace atalaya

#pragma once

#include "core/insights/WhatIf.h"
#include "ui/common/ChartKit.h"

class QChart;

namespace atalaya {

// Review load per day against wrong decisions left unreviewed per day, over the what-if's sweep
// of the P2 cut, with the current rules and the proposal marked on it.
QChart *whatIfCurveChart(const charts::ChartStyle &style, const std::vector<WhatIfCurvePoint> &curve,
                         const WhatIfScenario &current, const WhatIfScenario &proposed);

}  // namespace atalaya

#pragma once

#include "core/telemetry/DoraRow.h"

#include <QDateTime>

#include <vector>

namespace atalaya {

// Delivery cycles (planning → testing ×2–5 → deployment → maintenance) whose failure
// (~28 %) depends on test results, review score, change size, complexity and hour, with an
// interaction, strongly enough that the risk model trained on the demo passes its checks.
std::vector<DoraRow> generateDemoCycles(int cycles, int days, quint64 seed, const QDateTime &now);

}  // namespace atalaya

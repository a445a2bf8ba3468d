#pragma once

#include "core/telemetry/DoraRow.h"

#include <QDateTime>

#include <vector>

namespace atalaya {

// Delivery cycles (planning → testing ×2–5 → deployment → maintenance) whose failure
// (~15 %) depends nonlinearly on test results, change size, review score, complexity, hour
// and recent failures, so the risk model has something real to learn.
std::vector<DoraRow> generateDemoCycles(int cycles, int days, quint64 seed, const QDateTime &now);

}  // namespace atalaya

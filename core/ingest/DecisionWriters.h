#pragma once

#include "core/telemetry/DecisionWriter.h"

#include <memory>

namespace atalaya {

class Database;

// The writer of every decision Atalaya adds to ai_telemetry: it keeps the rollups and the queue
// counts in step in the rows' own transaction (on MySQL in place of their triggers, which stand
// aside for this session while it writes).
std::unique_ptr<DecisionWriter> makeDecisionWriter(const Database &db);

}  // namespace atalaya

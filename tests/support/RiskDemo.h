#pragma once

#include "core/setup/DemoLoader.h"

#include <QDateTime>

#include <memory>

namespace atalaya::test {

// What the deployment-risk tests start from: `demo` without decisions, so the demo's delivery
// cycles of its 60 days ending at `now` (invalid: the current time) and the risk model it
// trains on them (active when it passed the seed's checks).
Result<DemoReport> loadRiskDemo(const std::shared_ptr<const Database> &db, const QDateTime &now = {});

}  // namespace atalaya::test

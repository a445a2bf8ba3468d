#include "tests/support/RiskDemo.h"

namespace atalaya::test {

Result<DemoReport> loadRiskDemo(const std::shared_ptr<const Database> &db, const QDateTime &now)
{
    DemoOptions options;
    options.decisions = 0;
    options.now = now;
    return loadDemoData(db, options);
}

}  // namespace atalaya::test

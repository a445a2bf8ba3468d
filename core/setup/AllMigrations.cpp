#include "core/setup/AllMigrations.h"

#include "core/queue/QueueCountsSchema.h"
#include "core/risk/RiskModelStore.h"
#include "core/rollup/RollupSchema.h"
#include "core/telemetry/AuditChain.h"

namespace atalaya {
namespace {

const MigrationRegistry &registry()
{
    static const MigrationRegistry steps = [] {
        MigrationRegistry r;
        r.add(storageMigrations());
        r.add(auditchain::migrations());
        r.add(riskMigrations());
        r.add(rollup::migrations());
        r.add(queuecounts::migrations());
        return r;
    }();
    return steps;
}

}  // namespace

const std::vector<Migration> &allMigrations()
{
    return registry().steps();
}

Result<MigrationReport> migrate(const Database &db)
{
    return migrate(db, registry());
}

Result<QStringList> pendingMigrationSql(const Database &db)
{
    return pendingMigrationSql(db, registry());
}

}  // namespace atalaya

#include "core/storage/DerivedTable.h"

#include "core/storage/SqlUtil.h"

namespace atalaya {

QString stateName(DerivedTableState state)
{
    switch (state) {
    case DerivedTableState::Ready: return QStringLiteral("ready");
    case DerivedTableState::NeedsRebuild: return QStringLiteral("needs_rebuild");
    case DerivedTableState::NoTriggers: break;
    }
    return QStringLiteral("no_triggers");
}

Result<EnsureReport> ensureDerivedTable(const Database &db, qint64 maxRowsToBuild, const DerivedTableLifecycle &table)
{
    auto settled = table.settled();
    if (!settled)
        return settled.error();
    if (*settled)
        return EnsureReport{**settled, false};
    auto small = telemetryHasAtMost(db, maxRowsToBuild);
    if (!small)
        return small.error();
    if (!*small)
        return EnsureReport{DerivedTableState::NeedsRebuild, false};
    auto built = table.build();
    if (!built)
        return built.error();
    return EnsureReport{*built ? DerivedTableState::Ready : DerivedTableState::NoTriggers, *built};
}

}  // namespace atalaya

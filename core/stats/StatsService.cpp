#include "core/stats/StatsService.h"

#include "core/common/TimeUtil.h"
#include "core/stats/GroupedTotals.h"
#include "core/stats/RawAggregates.h"
#include "core/stats/WindowCollect.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/TelemetryRepository.h"

#include <cmath>
#include <map>

namespace atalaya {
namespace {

QString percentileMethod(const WindowTotals &t)
{
    return t.percentilesExact() ? QStringLiteral("exact") : QStringLiteral("sketch-1pct");
}

WindowTotals mergedTotals(const std::map<QString, WindowTotals> &totals)
{
    WindowTotals all;
    for (const auto &[key, t] : totals)
        all.merge(t);
    return all;
}

}  // namespace

Result<std::map<QString, WindowTotals>> groupedTotals(const Database &db, const StatsQuery &query, GroupBy by)
{
    return collectTotals(db, query, by, false, true);
}

StatsService::StatsService(std::shared_ptr<const Database> db, bool useRollups)
    : m_db(std::move(db)), m_useRollups(useRollups)
{
}

Result<WindowSummary> StatsService::summary(const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    auto totals = collectTotals(db, query, std::nullopt, false, m_useRollups);
    if (!totals)
        return totals.error();
    return mergedTotals(*totals).summary();
}

Result<DataQuality> StatsService::dataQuality(const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    auto totals = collectTotals(db, query, std::nullopt, true, m_useRollups);
    if (!totals)
        return totals.error();
    DataQuality quality = mergedTotals(*totals).quality;
    auto noTime = countRowsWithoutTime(db, query.agentId, query.taskType);
    if (!noTime)
        return noTime.error();
    quality.invalidCreatedAt = *noTime;
    return quality;
}

Result<StatsSnapshot> StatsService::snapshot(const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    auto totals = collectTotals(db, query, std::nullopt, true, m_useRollups);
    if (!totals)
        return totals.error();
    const WindowTotals all = mergedTotals(*totals);
    StatsSnapshot snap;
    snap.query = query;
    snap.summary = all.summary();
    snap.quality = all.quality;
    auto noTime = countRowsWithoutTime(db, query.agentId, query.taskType);
    if (!noTime)
        return noTime.error();
    snap.quality.invalidCreatedAt = *noTime;
    snap.percentileMethod = percentileMethod(all);
    return snap;
}

Result<std::vector<GroupSummary>> StatsService::grouped(const StatsQuery &query, GroupBy by) const
{
    const Database &db = m_db->reads();
    auto groups = collectTotals(db, query, by, false, m_useRollups);
    if (!groups)
        return groups.error();
    std::vector<GroupSummary> out;
    if (by == GroupBy::Day) {
        const QDate first = query.from.toUTC().date();
        const QDate last = query.to.toUTC().addMSecs(-1).date();
        for (QDate d = first; d <= last; d = d.addDays(1)) {
            const QString key = d.toString(Qt::ISODate);
            auto it = groups->find(key);
            out.push_back({key, it == groups->end() ? WindowSummary{} : it->second.summary()});
        }
        return out;
    }
    for (const auto &[key, t] : *groups) {
        if (t.total > 0)
            out.push_back({key, t.summary()});
    }
    return out;
}

Result<AgentDetail> StatsService::agent(const QString &agentId, const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    auto exists = TelemetryRepository(m_db).agentExists(agentId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("agent '%1' has no decisions; `atalaya-cli agents` lists "
                                        "the known agents")
                             .arg(agentId));
    auto byTask = collectTotals(db, query.withAgent(agentId), GroupBy::TaskType, false, m_useRollups);
    if (!byTask)
        return byTask.error();
    AgentDetail detail;
    detail.agentId = agentId;
    detail.summary = mergedTotals(*byTask).summary();
    for (const auto &[task, t] : *byTask) {
        if (t.total > 0)
            detail.taskTypes.push_back({task, t.total});
    }
    std::stable_sort(detail.taskTypes.begin(), detail.taskTypes.end(),
                     [](const TaskTypeCount &a, const TaskTypeCount &b) { return a.count > b.count; });
    return detail;
}

Result<QStringList> StatsService::agentIds() const
{
    const Database &db = m_db->reads();
    auto q = execQuery(db, QStringLiteral("SELECT DISTINCT agent_id FROM ai_telemetry ORDER BY agent_id"), {},
                       QStringLiteral("listing agents"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<QStringList> StatsService::taskTypes() const
{
    const Database &db = m_db->reads();
    auto q = execQuery(db, QStringLiteral("SELECT DISTINCT task_type FROM ai_telemetry ORDER BY task_type"), {},
                       QStringLiteral("listing task types"));
    if (!q)
        return q.error();
    QStringList types;
    while (q->next())
        types << q->value(0).toString();
    return types;
}

}  // namespace atalaya

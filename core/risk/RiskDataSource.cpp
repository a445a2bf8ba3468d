#include "core/risk/RiskDataSource.h"

#include "core/common/TimeUtil.h"
#include "core/telemetry/DoraRow.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonDocument>

namespace atalaya {
namespace {

constexpr qint64 kWindowSeconds = 7 * 24 * 3600;
const QString kColumns =
    QStringLiteral("cycle_id, feature_id, phase_name, decision, duration_seconds, metadata, created_at");

DoraRow readRow(const QSqlQuery &q)
{
    DoraRow r;
    r.cycleId = q.value(0).toString();
    r.featureId = q.value(1).toString();
    r.phaseName = q.value(2).toString();
    r.decision = q.value(3).toString();
    r.durationSeconds = q.value(4).toDouble();
    // Only these phases carry metadata the features read; skipping the rest halves the parse.
    if (r.phaseName == QLatin1String("deployment") || r.phaseName == QLatin1String("maintenance"))
        r.metadata = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
    r.createdAt = fromDbDateTime(q.value(6));
    return r;
}

// The first recorded deployment (invalid without one): the created_at index finds it at once.
Result<QDateTime> firstDeployment(const Database &db)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT created_at FROM dora_metrics WHERE phase_name = 'deployment'"
                                      " ORDER BY created_at LIMIT 1"),
                       {}, QStringLiteral("reading the first recorded deployment"));
    if (!q)
        return q.error();
    return q->next() ? fromDbDateTime(q->value(0)) : QDateTime();
}

}  // namespace

RiskDataSource::RiskDataSource(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<ExtractionReport> RiskDataSource::history(const QDateTime &from) const
{
    auto rows =
        execQuery(*m_db,
                  QStringLiteral("SELECT %1 FROM dora_metrics WHERE cycle_id IN (SELECT cycle_id FROM dora_metrics"
                                 " WHERE phase_name = 'deployment' AND created_at >= ?)")
                      .arg(kColumns),
                  {toDbDateTime(from)}, QStringLiteral("reading delivery cycles"));
    if (!rows)
        return rows.error();
    std::vector<DoraRow> cycleRows;
    while (rows->next())
        cycleRows.push_back(readRow(*rows));
    auto events =
        execQuery(*m_db,
                  QStringLiteral("SELECT phase_name, decision, created_at FROM dora_metrics WHERE created_at >= ?"
                                 " AND (phase_name = 'deployment' OR (phase_name = 'testing' AND decision = 'no-go'))"),
                  {toDbDateTime(from.addSecs(-kWindowSeconds))}, QStringLiteral("reading the 7-day windows"));
    if (!events)
        return events.error();
    auto first = firstDeployment(*m_db);
    if (!first)
        return first.error();
    WindowIndex windows;
    while (events->next())
        windows.add(events->value(0).toString(), events->value(1).toString(), fromDbDateTime(events->value(2)));
    windows.finish();
    windows.setHistoryStart(*first);
    return extractHistory(cycleRows, windows, from);
}

Result<CycleSample> RiskDataSource::cycle(const QString &cycleId) const
{
    auto rows = execQuery(*m_db, QStringLiteral("SELECT %1 FROM dora_metrics WHERE cycle_id = ?").arg(kColumns),
                          {cycleId}, QStringLiteral("reading cycle %1").arg(cycleId));
    if (!rows)
        return rows.error();
    std::vector<DoraRow> cycleRows;
    while (rows->next())
        cycleRows.push_back(readRow(*rows));
    if (cycleRows.empty())
        return makeError(ErrorCode::NotFound, QStringLiteral("cycle '%1' not found in dora_metrics").arg(cycleId));
    QDateTime deployedAt;
    for (const DoraRow &r : cycleRows)
        if (r.phaseName == QLatin1String("deployment") && (!deployedAt.isValid() || r.createdAt < deployedAt))
            deployedAt = r.createdAt;
    if (!deployedAt.isValid())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cycle '%1' has no deployment row yet; pass --features instead").arg(cycleId));
    auto counts = execQuery(
        *m_db,
        QStringLiteral("SELECT SUM(CASE WHEN phase_name = 'testing' AND decision = 'no-go' THEN 1 ELSE 0 END),"
                       " SUM(CASE WHEN phase_name = 'deployment' THEN 1 ELSE 0 END)"
                       " FROM dora_metrics WHERE created_at >= ? AND created_at < ?"),
        {toDbDateTime(deployedAt.addSecs(-kWindowSeconds)), toDbDateTime(deployedAt)},
        QStringLiteral("counting the 7 days before cycle %1").arg(cycleId));
    if (!counts)
        return counts.error();
    auto first = firstDeployment(*m_db);
    if (!first)
        return first.error();
    WindowCounts window;
    window.complete = deployedAt.addSecs(-kWindowSeconds) >= *first;
    if (counts->next()) {
        window.testingNoGo = counts->value(0).toInt();
        window.deployments = counts->value(1).toInt();
    }
    return extractCycle(cycleRows, window);
}

Result<QStringList> RiskDataSource::pendingCycles() const
{
    auto q = execQuery(*m_db,
                       QStringLiteral("SELECT d.cycle_id, d.metadata FROM dora_metrics d"
                                      " WHERE d.phase_name = 'deployment' AND d.decision NOT IN ('no-go', 'blocked')"
                                      " AND NOT EXISTS (SELECT 1 FROM dora_metrics m WHERE m.cycle_id = d.cycle_id"
                                      " AND m.phase_name = 'maintenance') ORDER BY d.created_at, d.id"),
                       {}, QStringLiteral("listing pending delivery cycles"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next()) {
        const QJsonObject meta = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
        // A deployment_failed key, true or false, is an outcome already (CSV imports carry it).
        if (const QString id = q->value(0).toString();
            !meta.contains(QStringLiteral("deployment_failed")) && !ids.contains(id))
            ids << id;
    }
    return ids;
}

Result<QStringList> RiskDataSource::recentCycles(int limit) const
{
    auto q = execQuery(*m_db,
                       QStringLiteral("SELECT cycle_id FROM dora_metrics WHERE phase_name = 'deployment'"
                                      " ORDER BY created_at DESC, id DESC LIMIT %1")
                           .arg(limit),
                       {}, QStringLiteral("listing delivery cycles"));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        if (const QString id = q->value(0).toString(); !ids.contains(id))
            ids << id;
    return ids;
}

}  // namespace atalaya

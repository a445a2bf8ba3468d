#include "core/stats/StatsSamples.h"

#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/stats/Calibration.h"
#include "core/stats/RawAggregates.h"
#include "core/stats/StatsSql.h"
#include "core/stats/WindowCollect.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>
#include <cmath>

namespace atalaya {

StatsSamples::StatsSamples(std::shared_ptr<const Database> db, bool useRollups)
    : m_db(std::move(db)), m_useRollups(useRollups)
{
}

Result<std::vector<ReviewedCell>> StatsSamples::reviewedCells(const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    CalibrationGrid grid;
    const rollup::WindowPlan plan = rollup::planWindow(query.from, query.to);
    if (!m_useRollups || !plan.usesRollups() || !rollup::status(db).usable()) {
        if (Status s = addRawCells(db, {{query.from, query.to}}, query.agentId, query.taskType, grid); !s)
            return s.error();
        return grid.cells();
    }
    if (Status s = rollup::addRollupCells(db, plan, query.agentId, query.taskType, grid); !s)
        return s.error();
    if (Status s = addRawCells(db, plan.raw, query.agentId, query.taskType, grid); !s)
        return s.error();
    return grid.cells();
}

Result<CalibrationReport> StatsSamples::calibration(const StatsQuery &query, int bins) const
{
    const Database &db = m_db->reads();
    bins = std::clamp(bins, 2, 100);
    const rollup::WindowPlan plan = rollup::planWindow(query.from, query.to);
    if (!percentsServe(bins) || !m_useRollups || !plan.usesRollups() || !rollup::status(db).usable()) {
        auto cells = reviewedCells(query);
        if (!cells)
            return cells.error();
        return computeCalibration(*cells, bins);
    }
    rollup::WindowPlan cheaper = plan;
    auto minus = rollup::complementEdges(db, cheaper);
    if (!minus)
        return minus.error();
    PercentGrid percents;
    if (Status s = rollup::addRollupPercents(db, cheaper, query.agentId, query.taskType, percents); !s)
        return s.error();
    CalibrationGrid edges;
    if (Status s = addRawCells(db, cheaper.raw, query.agentId, query.taskType, edges); !s)
        return s.error();
    for (const ReviewedCell &c : edges.cells())
        percents.add(c);
    CalibrationGrid complements;
    if (Status s = addRawCells(db, *minus, query.agentId, query.taskType, complements); !s)
        return s.error();
    for (const ReviewedCell &c : complements.cells())
        percents.add(ReviewedCell{c.confidenceE4, -c.accuracySumE4, -c.count});
    return computeCalibration(percents.percents(), bins);
}

Result<std::vector<ReviewedSample>> StatsSamples::reviewedSamples(const StatsQuery &query, int limit) const
{
    const Database &db = m_db->reads();
    const WhereClause w = windowWhere(m_db->dialect(), query);
    const QString sql = QStringLiteral("SELECT confidence_score, accuracy, human_feedback FROM ai_telemetry%1"
                                       " AND human_feedback IS NOT NULL AND accuracy IS NOT NULL AND %2"
                                       " ORDER BY created_at DESC, id DESC LIMIT %3")
                            .arg(w.sql, validRowPredicate(m_db->dialect()))
                            .arg(std::max(1, limit));
    auto q = execQuery(db, sql, w.values, QStringLiteral("reading reviewed decisions"));
    if (!q)
        return q.error();
    std::vector<ReviewedSample> samples;
    while (q->next()) {
        const auto feedback = feedbackFromString(q->value(2).toString());
        if (feedback)
            samples.push_back({q->value(0).toDouble(), q->value(1).toDouble(), *feedback});
    }
    return samples;
}

Result<std::vector<ExecutionBox>> StatsSamples::executionBoxesByAgent(const StatsQuery &query) const
{
    const Database &db = m_db->reads();
    auto agents = collectTotals(db, query, GroupBy::Agent, false, m_useRollups);
    if (!agents)
        return agents.error();
    std::vector<ExecutionBox> boxes;
    for (const auto &[agent, t] : *agents) {
        if (t.total == 0)
            continue;
        ExecutionBox b;
        b.key = agent;
        b.count = t.total;
        b.minMs = t.executionMin.value_or(0);
        b.maxMs = t.executionMax.value_or(0);
        b.p5Ms = t.percentile(5).value_or(0);
        b.q1Ms = t.percentile(25).value_or(0);
        b.medianMs = t.percentile(50).value_or(0);
        b.q3Ms = t.percentile(75).value_or(0);
        b.p95Ms = t.percentile(95).value_or(0);
        b.fromSketch = !t.percentilesExact();
        boxes.push_back(b);
    }
    return boxes;
}

}  // namespace atalaya

#include "core/insights/InsightsReader.h"

#include "core/insights/RiskDetectors.h"
#include "core/risk/RiskModelStore.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/rollup/RollupSchema.h"
#include "core/stats/Calibration.h"
#include "core/stats/StatsSamples.h"
#include "core/stats/StatsSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <algorithm>

namespace atalaya::insights {

WindowTotals foldedTotals(const std::map<QString, WindowTotals> &byGroup)
{
    WindowTotals all;
    for (const auto &[key, v] : byGroup)
        all.merge(v);
    return all;
}

EceEstimate calibrationEce(const CalibrationReport &report)
{
    std::vector<EceBin> bins;
    for (const CalibrationBin &b : report.bins) {
        if (b.count > 0 && b.meanConfidence && b.meanAccuracy)
            bins.push_back({b.count, *b.meanConfidence, *b.meanAccuracy});
    }
    return eceOf(bins);
}

Result<EceEstimate> scopeEce(const StatsSamples &samples, const StatsQuery &q)
{
    auto report = samples.calibration(q, kEceBins);
    if (!report)
        return report.error();
    return calibrationEce(*report);
}

Result<std::optional<EceByAgent>> eceByAgent(const Database &db, const StatsQuery &q)
{
    std::optional<EceByAgent> none;
    rollup::WindowPlan plan = rollup::planWindow(q.from, q.to);
    if (!percentsServe(kEceBins) || !plan.usesRollups() || !plan.raw.empty() || !rollup::status(db).usable())
        return none;
    std::map<QString, PercentGrid> grids;
    Status s = rollup::addRollupPercentsByAgent(db, plan, q.agentId, q.taskType,
                                                [&](const QString &agent) -> PercentGrid & { return grids[agent]; });
    if (!s)
        return s.error();
    EceByAgent out;
    PercentGrid all;
    for (const auto &[agent, grid] : grids) {
        const std::vector<ReviewedPercent> percents = grid.percents();
        out[agent] = calibrationEce(computeCalibration(percents, kEceBins));
        for (const ReviewedPercent &p : percents)
            all.add(p);
    }
    out[QString()] = calibrationEce(computeCalibration(all.percents(), kEceBins));
    return std::optional<EceByAgent>(std::move(out));
}

Result<AgentTasks> servedPairs(const Database &db, const StatsQuery &q)
{
    QString sql;
    QVariantList values;
    if (rollup::status(db).usable()) {
        sql = QStringLiteral("SELECT DISTINCT agent_id, task_type FROM %1 WHERE day_no >= ? AND day_no <= ?")
                  .arg(rollup::tableOf(rollup::Level::Day));
        values = {rollup::floorHour(q.from) / 24, rollup::floorHour(q.to) / 24};
    } else {
        const WhereClause where = windowWhere(db.dialect(), q);
        sql = QStringLiteral("SELECT DISTINCT agent_id, task_type FROM ai_telemetry") + where.sql;
        values = where.values;
    }
    auto query = execQuery(db, sql, values, QStringLiteral("reading the agents' task types"));
    if (!query)
        return query.error();
    auto text = [](const QVariant &v) {
        return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
    };
    AgentTasks pairs;
    while (query->next())
        pairs.emplace_back(text(query->value(0)), text(query->value(1)));
    return pairs;
}

Result<std::map<QString, std::vector<VersionStats>>> versionsWithinBudget(const Database &db, const StatsQuery &span,
                                                                          int days, std::vector<SkippedCheck> &skipped)
{
    if (versions::servedByRollups(db, span))
        return versions::readVersions(db, span);
    auto counts = versions::decisionsPerAgent(db, span);
    if (!counts)
        return counts.error();
    std::vector<std::pair<qint64, QString>> bySize;
    for (const auto &[agent, n] : *counts)
        bySize.emplace_back(n, agent);
    std::sort(bySize.begin(), bySize.end());
    const qint64 budget = versions::scanBudget();
    qint64 admitted = 0;
    std::vector<QString> read;
    for (const auto &[n, agent] : bySize) {
        if (admitted + n <= budget) {
            admitted += n;
            read.push_back(agent);
            continue;
        }
        SkippedCheck s;
        s.agentId = agent;
        s.decisions = n;
        s.reason = QStringLiteral("%1 decisions in the window and its baseline exceed the %2 the raw model-version "
                                  "read allows without rollups (`atalaya-cli init` builds them); compare them with "
                                  "`atalaya-cli versions --agent %3 --days %4`, or choose a shorter period")
                       .arg(n)
                       .arg(budget)
                       .arg(agent)
                       .arg(days);
        skipped.push_back(std::move(s));
    }
    std::sort(skipped.begin(), skipped.end(),
              [](const SkippedCheck &a, const SkippedCheck &b) { return a.agentId < b.agentId; });
    if (skipped.empty())
        return versions::readVersions(db, span);
    std::map<QString, std::vector<VersionStats>> out;
    for (const QString &agent : read) {
        auto one = versions::readVersions(db, span.withAgent(agent));
        if (!one)
            return one.error();
        out.merge(*one);
    }
    return out;
}

Result<std::optional<RiskMonitorReport>> riskMonitoring(const std::shared_ptr<const Database> &db,
                                                        const InsightOptions &o, const QDateTime &now)
{
    using RiskReading = std::optional<RiskMonitorReport>;
    if (!o.agentId.isEmpty() && o.agentId != QLatin1String("deployment-risk-predictor"))
        return RiskReading{};
    if (!RiskModelStore(db).hasTable())
        return RiskReading{};
    RiskMonitorOptions mo;
    mo.days = std::max(o.days, kRiskMonitorMinDays);
    mo.now = now;
    auto r = RiskMonitor(db).run(mo);
    if (!r) {
        if (r.error().code == ErrorCode::NoModel || isMissingTable(r.error()))
            return RiskReading{};
        return r.error();
    }
    return RiskReading{std::move(*r)};
}

}  // namespace atalaya::insights

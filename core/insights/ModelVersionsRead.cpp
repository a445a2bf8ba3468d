#include "core/insights/ModelVersions.h"

#include "core/common/TimeUtil.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/rollup/RollupSections.h"
#include "core/stats/GroupedTotals.h"
#include "core/stats/StatsSql.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/TelemetryRepository.h"

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

// One agent's version over a window. The reviewed cells go to a dense grid: merging the
// thousands of rows' sparse cells into a std::map was most of the read's client time.
struct VersionSums {
    VersionTotals totals;  // its `reviewed` stays empty
    CalibrationGrid reviewed;

    void merge(const VersionTotals &t)
    {
        totals.n += t.n;
        totals.correct += t.correct;
        totals.partial += t.partial;
        totals.incorrect += t.incorrect;
        totals.confidenceSumE4 += t.confidenceSumE4;
        totals.latency.merge(t.latency);
        if (t.firstMs && (!totals.firstMs || *t.firstMs < *totals.firstMs))
            totals.firstMs = t.firstMs;
        if (t.lastMs && (!totals.lastMs || *t.lastMs > *totals.lastMs))
            totals.lastMs = t.lastMs;
        reviewed.add(t.reviewed);
    }
    void merge(const VersionSums &o)
    {
        merge(o.totals);
        for (const ReviewedCell &c : o.reviewed.cells())
            reviewed.add(c);
    }
};
using ByAgent = std::map<QString, std::map<VersionCells::Key, VersionSums>>;

void mergeInto(ByAgent &found, const QString &agentId, const VersionCells &cells)
{
    auto &mine = found[agentId];
    for (const auto &[key, totals] : cells.versions())
        mine[key].merge(totals);
}

QString text(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
}

qint64 asInt(const QVariant &v)
{
    return v.isNull() ? 0 : std::llround(v.toDouble());
}

// validRowPredicate with its feedback test kept off idx_human_feedback (unary plus, a no-op on
// both backends): SQLite otherwise reads every row through that index (a MULTI-INDEX OR)
// instead of the window's range of the created_at index.
QString validInRange(const Dialect &d)
{
    return validRowPredicate(d).replace(QStringLiteral("human_feedback IS NULL OR human_feedback IN"),
                                        QStringLiteral("+human_feedback IS NULL OR +human_feedback IN"));
}

// The raw rows of q's window: two grouped scans bounded by created_at (counts, scores and
// times per execution time; the reviewed rows per confidence and accuracy). They read the
// JSON of every row (~22 µs a row on SQLite): the fallback without rollups, and the partial
// edge hours of a window that does not start and end on the hour.
Status addRawVersions(const Database &db, const StatsQuery &q, ByAgent &found)
{
    const Dialect &d = db.dialect();
    const WhereClause w = windowWhere(d, q);
    const QString where = w.sql + QStringLiteral(" AND ") + validInRange(d);
    const QString agent = d.exactKey(QStringLiteral("agent_id"));
    const QString version = rollup::modelVersionExpression(d);
    const QString time = d.utcTimeOf(QStringLiteral("created_at"));

    const QString totals = QStringLiteral("SELECT %1, %2, execution_time_ms, COUNT(*),"
                                          " SUM(CASE WHEN human_feedback = 'correct' THEN 1 ELSE 0 END),"
                                          " SUM(CASE WHEN human_feedback = 'partially_correct' THEN 1 ELSE 0 END),"
                                          " SUM(CASE WHEN human_feedback = 'incorrect' THEN 1 ELSE 0 END),"
                                          " SUM(ROUND(confidence_score * 10000)), MIN(%3), MAX(%3)"
                                          " FROM ai_telemetry%4 GROUP BY %1, %2, execution_time_ms")
                               .arg(agent, version, time, where);
    auto q1 = execQuery(db, totals, w.values, QStringLiteral("reading the model versions"));
    if (!q1)
        return q1.error();
    while (q1->next()) {
        VersionTotals t;
        t.n = asInt(q1->value(3));
        t.latency.add(asInt(q1->value(2)), t.n);
        t.correct = asInt(q1->value(4));
        t.partial = asInt(q1->value(5));
        t.incorrect = asInt(q1->value(6));
        t.confidenceSumE4 = asInt(q1->value(7));
        t.firstMs = fromDbDateTime(q1->value(8)).toMSecsSinceEpoch();
        t.lastMs = fromDbDateTime(q1->value(9)).toMSecsSinceEpoch();
        found[text(q1->value(0))][rollup::modelVersionKey(q1->value(1))].merge(t);
    }

    // Reviewed decisions only: the cheap column tests come before the JSON ones.
    const QString cells = QStringLiteral("SELECT %1, %2, ROUND(confidence_score * 10000), ROUND(accuracy * 10000),"
                                         " COUNT(*) FROM ai_telemetry%3 AND +human_feedback IS NOT NULL"
                                         " AND accuracy IS NOT NULL AND %4"
                                         " GROUP BY %1, %2, ROUND(confidence_score * 10000), ROUND(accuracy * 10000)")
                              .arg(agent, version, w.sql, validInRange(d));
    auto q2 = execQuery(db, cells, w.values, QStringLiteral("reading the model versions' calibration"));
    if (!q2)
        return q2.error();
    while (q2->next()) {
        const qint64 count = asInt(q2->value(4));
        found[text(q2->value(0))][rollup::modelVersionKey(q2->value(1))].reviewed.add(
            ReviewedCell{static_cast<int>(asInt(q2->value(2))), asInt(q2->value(3)) * count, count});
    }
    return {};
}

// The rollups' model-version sections of the window's whole hours and days, the partial edge
// hours from raw rows.
Status addRollupVersions(const Database &db, const StatsQuery &q, ByAgent &found)
{
    const rollup::WindowPlan plan = rollup::planWindow(q.from, q.to);
    if (Status s = rollup::addRollupVersions(
            db, plan, q.agentId, q.taskType,
            [&](const QString &agentId, const VersionCells &cells) { mergeInto(found, agentId, cells); });
        !s)
        return s;
    // The edges are read for every agent and the others dropped: with an agent filter SQLite
    // picks the agent index and reads all of that agent's rows instead of the edge's range.
    ByAgent edges;
    for (const TimeRange &edge : plan.raw) {
        StatsQuery part = q;
        part.from = edge.from;
        part.to = edge.to;
        part.agentId.clear();
        if (Status s = addRawVersions(db, part, edges); !s)
            return s;
    }
    for (const auto &[agentId, versions] : edges) {
        if (!q.agentId.isEmpty() && agentId != q.agentId)
            continue;
        for (const auto &[key, sums] : versions)
            found[agentId][key].merge(sums);
    }
    return {};
}

VersionStats statsOf(const QString &version, const VersionSums &sums)
{
    const VersionTotals &t = sums.totals;
    VersionStats v;
    v.version = version;
    v.n = t.n;
    v.scores.correct = t.correct;
    v.scores.partial = t.partial;
    v.scores.incorrect = t.incorrect;
    v.confidenceSumE4 = t.confidenceSumE4;
    v.latency = t.latency;
    v.reviewed = sums.reviewed.cells();
    if (t.firstMs)
        v.firstSeen = QDateTime::fromMSecsSinceEpoch(*t.firstMs, Qt::UTC);
    if (t.lastMs)
        v.lastSeen = QDateTime::fromMSecsSinceEpoch(*t.lastMs, Qt::UTC);
    return v;
}

}  // namespace

namespace versions {

bool servedByRollups(const Database &db, const StatsQuery &q)
{
    return rollup::planWindow(q.from, q.to).usesRollups() && rollup::status(db).usable();
}

Result<std::map<QString, std::vector<VersionStats>>> readVersions(const Database &db, const StatsQuery &q,
                                                                  std::map<QString, qint64> *unversioned, Source source)
{
    ByAgent found;
    const Status read = source == Source::Auto && servedByRollups(db, q) ? addRollupVersions(db, q, found)
                                                                         : addRawVersions(db, q, found);
    if (!read)
        return read.error();
    std::map<QString, std::vector<VersionStats>> out;
    for (const auto &[agentId, cells] : found) {
        std::vector<VersionStats> list;
        for (const auto &[key, sums] : cells) {
            const VersionTotals &totals = sums.totals;
            if (totals.n == 0)
                continue;
            if (!key) {
                if (unversioned)
                    (*unversioned)[agentId] += totals.n;
                continue;
            }
            list.push_back(statsOf(*key, sums));
        }
        if (list.empty())
            continue;
        std::stable_sort(list.begin(), list.end(), [](const VersionStats &a, const VersionStats &b) {
            return a.firstSeen != b.firstSeen ? a.firstSeen < b.firstSeen : a.version < b.version;
        });
        out[agentId] = std::move(list);
    }
    return out;
}

namespace {
qint64 g_budgetForTests = 0;
}  // namespace

qint64 scanBudget()
{
    return g_budgetForTests > 0 ? g_budgetForTests : kDefaultScanBudget;
}

void setScanBudgetForTests(qint64 decisions)
{
    g_budgetForTests = decisions;
}

Result<std::map<QString, qint64>> decisionsPerAgent(const Database &db, const StatsQuery &q)
{
    auto totals = groupedTotals(db, q, GroupBy::Agent);
    if (!totals)
        return totals.error();
    std::map<QString, qint64> out;
    for (const auto &[agent, t] : *totals)
        out[agent] = t.total;
    return out;
}

}  // namespace versions

ModelVersionsService::ModelVersionsService(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<VersionReport> ModelVersionsService::report(const QString &agentId, const StatsQuery &window, qint64 minN) const
{
    auto exists = TelemetryRepository(m_db).agentExists(agentId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("agent '%1' has no decisions; `atalaya-cli agents` lists the known agents").arg(agentId));
    std::map<QString, qint64> unversioned;
    auto read = versions::readVersions(*m_db, window.withAgent(agentId), &unversioned);
    if (!read)
        return read.error();
    VersionReport r;
    r.agentId = agentId;
    r.window = window;
    if (auto it = read->find(agentId); it != read->end())
        r.versions = std::move(it->second);
    r.unversioned = unversioned[agentId];
    r.comparisons = compareVersions(r.versions, minN);
    return r;
}

Result<std::vector<VersionReport>> ModelVersionsService::reports(const StatsQuery &window, qint64 minN,
                                                                 std::optional<qint64> *tooMany) const
{
    if (tooMany)
        *tooMany = std::nullopt;
    if (tooMany && !versions::servedByRollups(*m_db, window)) {
        auto counts = versions::decisionsPerAgent(*m_db, window);
        if (!counts)
            return counts.error();
        qint64 total = 0;
        for (const auto &[agent, n] : *counts)
            total += n;
        if (total > versions::scanBudget()) {
            *tooMany = total;
            return std::vector<VersionReport>{};
        }
    }
    auto read = versions::readVersions(*m_db, window);
    if (!read)
        return read.error();
    std::vector<VersionReport> out;
    for (auto &[agentId, list] : *read) {
        VersionReport r;
        r.agentId = agentId;
        r.window = window;
        r.versions = std::move(list);
        r.comparisons = compareVersions(r.versions, minN);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace atalaya

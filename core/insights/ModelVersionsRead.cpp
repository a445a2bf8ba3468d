#include "core/insights/ModelVersions.h"

#include "core/common/TimeUtil.h"
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

// metadata.model_version as bytes on MariaDB (grouped byte for byte, as agent ids are), as
// SQLite's json_extract gives it; NULL where the key is missing.
QString versionExpression(const Dialect &d)
{
    return d.isMySql() ? QStringLiteral("CAST(JSON_VALUE(metadata, '$.model_version') AS BINARY)")
                       : QStringLiteral("json_extract(metadata, '$.model_version')");
}

QString text(const QVariant &v)
{
    return v.typeId() == QMetaType::QByteArray ? QString::fromUtf8(v.toByteArray()) : v.toString();
}

qint64 asInt(const QVariant &v)
{
    return v.isNull() ? 0 : std::llround(v.toDouble());
}

}  // namespace

namespace versions {

Result<std::map<QString, std::vector<VersionStats>>> readVersions(const Database &db, const StatsQuery &q,
                                                                  std::map<QString, qint64> *unversioned)
{
    const Dialect &d = db.dialect();
    const WhereClause w = windowWhere(d, q);
    const QString where = w.sql + QStringLiteral(" AND ") + validRowPredicate(d);
    const QString agent = d.exactKey(QStringLiteral("agent_id"));
    const QString version = versionExpression(d);
    const QString time = d.utcTimeOf(QStringLiteral("created_at"));

    // Counts, scores and times per execution time: one scan gives both the totals and the
    // latency histogram.
    std::map<QString, std::map<QString, VersionStats>> found;
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
        const QString agentId = text(q1->value(0));
        const qint64 count = asInt(q1->value(3));
        if (q1->value(1).isNull()) {
            if (unversioned)
                (*unversioned)[agentId] += count;
            continue;
        }
        VersionStats &v = found[agentId][text(q1->value(1))];
        v.version = text(q1->value(1));
        v.n += count;
        v.latency.add(asInt(q1->value(2)), count);
        v.scores.correct += asInt(q1->value(4));
        v.scores.partial += asInt(q1->value(5));
        v.scores.incorrect += asInt(q1->value(6));
        v.confidenceSumE4 += asInt(q1->value(7));
        const QDateTime first = fromDbDateTime(q1->value(8));
        const QDateTime last = fromDbDateTime(q1->value(9));
        if (!v.firstSeen.isValid() || first < v.firstSeen)
            v.firstSeen = first;
        if (!v.lastSeen.isValid() || last > v.lastSeen)
            v.lastSeen = last;
    }

    // Reviewed decisions only: the cheap column tests come before the JSON ones.
    const QString cells =
        QStringLiteral("SELECT %1, %2, ROUND(confidence_score * 10000), COUNT(*), SUM(ROUND(accuracy * 10000))"
                       " FROM ai_telemetry%3 AND human_feedback IS NOT NULL AND accuracy IS NOT NULL AND %4"
                       " AND %2 IS NOT NULL GROUP BY %1, %2, ROUND(confidence_score * 10000)")
            .arg(agent, version, w.sql, validRowPredicate(d));
    auto q3 = execQuery(db, cells, w.values, QStringLiteral("reading the model versions' calibration"));
    if (!q3)
        return q3.error();
    while (q3->next()) {
        ReviewedCell cell;
        cell.confidenceE4 = static_cast<int>(asInt(q3->value(2)));
        cell.count = asInt(q3->value(3));
        cell.accuracySumE4 = asInt(q3->value(4));
        found[text(q3->value(0))][text(q3->value(1))].reviewed.push_back(cell);
    }

    std::map<QString, std::vector<VersionStats>> out;
    for (auto &[agentId, byVersion] : found) {
        std::vector<VersionStats> &list = out[agentId];
        for (auto &[name, stats] : byVersion)
            list.push_back(std::move(stats));
        std::stable_sort(list.begin(), list.end(), [](const VersionStats &a, const VersionStats &b) {
            return a.firstSeen != b.firstSeen ? a.firstSeen < b.firstSeen : a.version < b.version;
        });
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
    if (tooMany) {
        auto counts = versions::decisionsPerAgent(*m_db, window);
        if (!counts)
            return counts.error();
        qint64 total = 0;
        for (const auto &[agent, n] : *counts)
            total += n;
        *tooMany = std::nullopt;
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

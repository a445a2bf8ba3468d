#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/stats/StatsSamples.h"
#include "core/storage/SqlUtil.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace atalaya;

namespace {

struct Row {
    QString agent;
    qint64 ms;
    QDateTime at;
};

// Log-uniform execution times from 20 ms to 60 s per agent (most past the sketch's exact
// buckets), spread over the last six days at whole seconds.
std::vector<Row> makeRows(const QStringList &agents, int perAgent, const QDateTime &now, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<Row> rows;
    for (int a = 0; a < agents.size(); ++a) {
        const double low = std::log(20.0 * (a + 1));
        const double high = std::log(60000.0);
        for (int i = 0; i < perAgent; ++i) {
            const double v = std::exp(low + (high - low) * rng.generateDouble());
            rows.push_back({agents[a], std::max<qint64>(1, std::llround(v)),
                            now.addSecs(-static_cast<qint64>(rng.bounded(6 * 86400)) - 1)});
        }
    }
    return rows;
}

// The exact nearest-rank value (rank ceil(p/100 · N) of the sorted values), computed here
// independently of the code under test.
qint64 nearestRank(const std::vector<qint64> &sorted, double p)
{
    const auto n = static_cast<qint64>(sorted.size());
    const qint64 rank = std::clamp<qint64>(static_cast<qint64>(std::ceil(p / 100.0 * static_cast<double>(n))), 1, n);
    return sorted[static_cast<size_t>(rank - 1)];
}

struct Expected {
    qint64 count = 0;
    qint64 min = 0;
    qint64 max = 0;
    std::array<qint64, 5> percentiles{};  // P5, Q1, median, Q3, P95
};

Expected expected(const std::vector<Row> &rows, const QString &agent, const StatsQuery &q)
{
    std::vector<qint64> values;
    for (const Row &r : rows) {
        if (r.agent == agent && r.at >= q.from && r.at < q.to)
            values.push_back(r.ms);
    }
    std::sort(values.begin(), values.end());
    Expected e;
    if (values.empty())
        return e;
    e.count = static_cast<qint64>(values.size());
    e.min = values.front();
    e.max = values.back();
    const double ps[] = {5, 25, 50, 75, 95};
    for (size_t i = 0; i < 5; ++i)
        e.percentiles[i] = nearestRank(values, ps[i]);
    return e;
}

std::array<qint64, 5> percentilesOf(const ExecutionBox &b)
{
    return {b.p5Ms, b.q1Ms, b.medianMs, b.q3Ms, b.p95Ms};
}

}  // namespace

// The Execution-time page's box plot per agent: from the rollups' latency sketches within
// the sketch's documented 1 % of the exact nearest-rank values (counts, minimum and maximum
// exact), and exact from raw rows when there are no rollups.
class TestExecutionBoxes : public QObject {
    Q_OBJECT
private:
    QDateTime m_now;
    QStringList m_agents{"agent-fast", "agent-mid", "agent-slow", "agent-tail"};
    std::vector<Row> m_rows;
    std::shared_ptr<Database> m_db;

    std::vector<StatsQuery> windows() const
    {
        return {*StatsQuery::lastDays(7, m_now), *StatsQuery::lastDays(2, m_now),
                // Partial hours at both ends (raw edges merged into the sketches).
                *StatsQuery::range(m_now.addSecs(-5 * 86400 - 1234), m_now.addSecs(-86400 + 777)),
                StatsQuery::lastDays(7, m_now)->withAgent("agent-mid")};
    }

private slots:
    void initTestCase()
    {
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        auto fresh = test::freshDatabase();
        QVERIFY2(fresh.db, "no test database");
        m_db = fresh.db;
        m_rows = makeRows(m_agents, 1500, m_now, 14);
        std::vector<DecisionInput> inputs;
        for (const Row &r : m_rows)
            inputs.push_back(test::makeDecision(r.agent, "triage", 0.8, r.ms, std::nullopt, r.at));
        auto written = DecisionRecorder(m_db).recordBatch(inputs);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QVERIFY(rollup::status(*m_db).usable());
    }

    void sketchBoxesWithinOnePercent()
    {
        int servedBySketch = 0;
        for (const StatsQuery &q : windows()) {
            auto boxes = StatsSamples(m_db).executionBoxesByAgent(q);
            QVERIFY2(boxes.ok(), qPrintable(boxes.ok() ? QString() : boxes.error().message));
            const QStringList agents = q.agentId.isEmpty() ? m_agents : QStringList{q.agentId};
            QCOMPARE(boxes->size(), size_t(agents.size()));
            for (size_t i = 0; i < boxes->size(); ++i) {
                const ExecutionBox &b = (*boxes)[i];
                QCOMPARE(b.key, agents[static_cast<qsizetype>(i)]);
                const Expected e = expected(m_rows, b.key, q);
                QCOMPARE(b.count, e.count);
                QCOMPARE(b.minMs, e.min);
                QCOMPARE(b.maxMs, e.max);
                const auto got = percentilesOf(b);
                for (size_t p = 0; p < 5; ++p) {
                    const double error = std::abs(double(got[p] - e.percentiles[p])) / double(e.percentiles[p]);
                    QVERIFY2(error <= 0.01,
                             qPrintable(QStringLiteral("%1 percentile #%2: %3 vs exact %4")
                                            .arg(b.key)
                                            .arg(p)
                                            .arg(got[p])
                                            .arg(e.percentiles[p])));
                    QVERIFY(got[p] >= b.minMs && got[p] <= b.maxMs);
                    if (p > 0)
                        QVERIFY(got[p] >= got[p - 1]);
                }
                QVERIFY(b.fromSketch);
                if (got != e.percentiles)
                    ++servedBySketch;
            }
        }
        // Exact values everywhere would mean the raw rows were read, not the sketches.
        QVERIFY(servedBySketch > 0);
    }

    void forcedRawPathIsExact()
    {
        const StatsQuery q = *StatsQuery::lastDays(7, m_now);
        auto boxes = StatsSamples(m_db, false).executionBoxesByAgent(q);
        QVERIFY(boxes.ok());
        QCOMPARE(boxes->size(), size_t(m_agents.size()));
        for (const ExecutionBox &b : *boxes) {
            const Expected e = expected(m_rows, b.key, q);
            QCOMPARE(percentilesOf(b), e.percentiles);
            QCOMPARE(b.count, e.count);
            QVERIFY(!b.fromSketch);
        }
    }

    // Another application's table, `init` never run (or a read-only account): no rollups,
    // so the boxes come from the raw rows, exact.
    void withoutRollupsFromRawRows()
    {
        auto fresh = test::freshDatabase(false);
        QVERIFY2(fresh.db, "no test database");
        QVERIFY(test::createSeedTables(*fresh.db));
        QVERIFY(!rollup::status(*fresh.db).usable());
        const QStringList agents{"theirs-1", "theirs-2"};
        const std::vector<Row> rows = makeRows(agents, 400, m_now, 7);
        const Status inserted = inTransaction(*fresh.db, [&]() -> Status {
            for (const Row &r : rows) {
                Status s = execStatement(*fresh.db,
                                         QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                                        " confidence_score, execution_time_ms, metadata, created_at)"
                                                        " VALUES (?, 'triage', '{}', 0.5, ?, '{}', ?)"),
                                         {r.agent, r.ms, toDbDateTime(r.at)}, QStringLiteral("their row"));
                if (!s)
                    return s;
            }
            return {};
        });
        QVERIFY(inserted.ok());
        const StatsQuery q = *StatsQuery::lastDays(7, m_now);
        auto boxes = StatsSamples(fresh.db).executionBoxesByAgent(q.withAgent("theirs-2"));
        QVERIFY2(boxes.ok(), qPrintable(boxes.ok() ? QString() : boxes.error().message));
        QCOMPARE(boxes->size(), size_t(1));
        const ExecutionBox &b = boxes->front();
        const Expected e = expected(rows, "theirs-2", q);
        QCOMPARE(b.count, e.count);
        QCOMPARE(QList<qint64>({b.minMs, b.maxMs}), QList<qint64>({e.min, e.max}));
        QCOMPARE(percentilesOf(b), e.percentiles);
        QVERIFY(!b.fromSketch);
    }
};

QTEST_GUILESS_MAIN(TestExecutionBoxes)
#include "tst_execution_boxes.moc"

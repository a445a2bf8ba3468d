#include "tests/support/TestData.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/ingest/DecisionRecorder.h"
#include "core/insights/ModelVersions.h"
#include "core/rollup/RollupMaintenance.h"
#include "core/rollup/RollupReader.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QtTest>

using namespace atalaya;

namespace {

constexpr auto C = Feedback::Correct;
constexpr auto I = Feedback::Incorrect;
constexpr auto P = Feedback::PartiallyCorrect;

using Read = std::map<QString, std::vector<VersionStats>>;

// Everything readVersions reports, as text, so a difference names the agent, version and field.
QStringList describe(const Read &read, const std::map<QString, qint64> &unversioned)
{
    QStringList out;
    for (const auto &[agent, list] : read) {
        for (const VersionStats &v : list) {
            QStringList latency;
            for (const auto &[ms, n] : v.latency.buckets())
                latency << QStringLiteral("%1x%2").arg(ms).arg(n);
            QStringList cells;
            for (const ReviewedCell &c : v.reviewed)
                cells << QStringLiteral("%1:%2/%3").arg(c.confidenceE4).arg(c.accuracySumE4).arg(c.count);
            out << QStringLiteral("%1 %2 n=%3 c=%4 p=%5 i=%6 conf=%7 first=%8 last=%9 lat=[%10] cal=[%11]")
                       .arg(agent, v.version)
                       .arg(v.n)
                       .arg(v.scores.correct)
                       .arg(v.scores.partial)
                       .arg(v.scores.incorrect)
                       .arg(v.confidenceSumE4)
                       .arg(toIsoUtc(v.firstSeen), toIsoUtc(v.lastSeen), latency.join(','), cells.join(','));
        }
    }
    for (const auto &[agent, n] : unversioned) {
        if (n != 0)
            out << QStringLiteral("%1 unversioned=%2").arg(agent).arg(n);
    }
    return out;
}

}  // namespace

// The model versions served from the rollups' model-version sections equal the raw read of the
// same rows (versions::Source::Raw, the code path used without rollups) after every kind of
// write another application can make: inserts with and without a version, invalid rows,
// feedback added later, a metadata update that moves a row to another version, a confidence
// change and a delete.
class TestVersionRollups : public QObject {
    Q_OBJECT
private:
    std::shared_ptr<Database> m_db;
    test::FreshDatabase m_fresh;
    QDateTime m_now;

    // Hour-aligned (whole rollup rows only) and not (edges from raw rows).
    StatsQuery aligned() const
    {
        const QDateTime end = rollup::hourStart(rollup::ceilHour(m_now));
        return *StatsQuery::range(end.addDays(-14), end);
    }
    StatsQuery unaligned() const { return *StatsQuery::range(m_now.addDays(-14).addSecs(-1234), m_now.addSecs(-600)); }

    Status insertRaw(const QString &agent, const QString &metadata, double confidence, qint64 ms,
                     const QVariant &feedback, const QVariant &accuracy, const QDateTime &at)
    {
        return execStatement(*m_db,
                             QStringLiteral("INSERT INTO ai_telemetry (agent_id, task_type, decision_made,"
                                            " confidence_score, execution_time_ms, human_feedback, accuracy, metadata,"
                                            " created_at) VALUES (?, 't', '{}', ?, ?, ?, ?, ?, ?)"),
                             {agent, confidence, ms, feedback, accuracy, metadata, toDbDateTime(at)},
                             QStringLiteral("another writer's insert"));
    }

    qint64 versionBumps() const
    {
        return test::scalar(*m_db, QStringLiteral("SELECT SUM(ver_version) FROM atalaya_rollup_hour"))
            + test::scalar(*m_db, QStringLiteral("SELECT SUM(ver_version) FROM atalaya_rollup_day"));
    }

    void compareWithRaw(const char *step)
    {
        for (const StatsQuery &q : {aligned(), unaligned(), aligned().withAgent("alpha")}) {
            QVERIFY(versions::servedByRollups(*m_db, q));
            std::map<QString, qint64> rollupUnversioned, rawUnversioned;
            auto fromRollups = versions::readVersions(*m_db, q, &rollupUnversioned);
            auto fromRaw = versions::readVersions(*m_db, q, &rawUnversioned, versions::Source::Raw);
            QVERIFY2(fromRollups.ok() && fromRaw.ok(), step);
            const QStringList expected = describe(*fromRaw, rawUnversioned);
            QVERIFY2(!expected.isEmpty(), step);
            const QStringList actual = describe(*fromRollups, rollupUnversioned);
            if (actual != expected)
                qWarning().noquote() << step << q.from << q.to << q.agentId << "\nrollups:\n"
                                     << actual.join('\n') << "\nraw:\n"
                                     << expected.join('\n');
            QVERIFY2(actual == expected, step);
        }
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY2(m_fresh.db, "no test database");
        m_db = m_fresh.db;
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        QVERIFY(rollup::status(*m_db).usable());
        // Atalaya's own writes (the app-maintained path on MariaDB): two versions of alpha,
        // beta without any version, latencies above the sketch's exact range.
        std::vector<DecisionInput> rows;
        for (int i = 0; i < 300; ++i) {
            const std::optional<Feedback> feedback = i % 3 == 0 ? std::optional(C)
                : i % 7 == 0                                    ? std::optional(I)
                : i % 11 == 0                                   ? std::optional(P)
                                                                : std::nullopt;
            DecisionInput d = test::makeDecision("alpha", "t", 0.5 + (i % 50) / 100.0, 80 + (i * 37) % 2500, feedback,
                                                 m_now.addSecs(-3600 * (i % 300) - 17 * i));
            d.metadata.insert(QStringLiteral("model_version"), i < 180 ? "v1" : "v2");
            rows.push_back(std::move(d));
            DecisionInput b =
                test::makeDecision("beta", "t", 0.8, 120 + i, i % 4 == 0 ? std::optional(P) : std::nullopt,
                                   m_now.addSecs(-7200 * (i % 150) - 3 * i));
            rows.push_back(std::move(b));
        }
        auto written = DecisionRecorder(m_db).recordBatch(rows);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        // Another application's writes (the triggers' path): versions, none, a non-string
        // version, invalid rows (confidence out of range, negative time) that count nowhere.
        for (int i = 0; i < 40; ++i) {
            const QDateTime at = m_now.addSecs(-5400 * i - 11);
            QVERIFY(insertRaw("alpha", R"({"model_version":"v2","x":1})", 0.91, 95 + i,
                              i % 2 ? QVariant("correct") : QVariant(), i % 2 ? QVariant(1.0) : QVariant(), at));
            QVERIFY(insertRaw("gamma", QString::fromLatin1(i % 3 ? R"({"model_version":"g1"})" : R"({"other":true})"),
                              0.7, 300 + 40 * i, i % 5 == 0 ? QVariant("incorrect") : QVariant(),
                              i % 5 == 0 ? QVariant(0.0) : QVariant(), at));
            QVERIFY(insertRaw("gamma", R"({"model_version":7})", 0.6, 40, QVariant(), QVariant(), at.addSecs(5)));
            QVERIFY(insertRaw("alpha", R"({"model_version":"v1"})", 1.5, 100, QVariant(), QVariant(), at.addSecs(9)));
            QVERIFY(insertRaw("alpha", R"({"model_version":"v1"})", 0.5, -3, QVariant(), QVariant(), at.addSecs(13)));
        }
    }

    void insertsMatchTheRawRead() { compareWithRaw("after the inserts"); }

    void feedbackAddedLater()
    {
        QVERIFY(execStatement(
            *m_db,
            QStringLiteral("UPDATE ai_telemetry SET human_feedback = 'partially_correct', accuracy = 0.5"
                           " WHERE human_feedback IS NULL AND agent_id = 'gamma' AND execution_time_ms < 1000"),
            {}, QStringLiteral("feedback")));
        compareWithRaw("after feedback");
    }

    // The staleness bump: a metadata change moves a row from v1 to v2 and touches nothing else
    // the rollups count, so only the model-version section's version says its row changed.
    void metadataUpdateMovesARow()
    {
        compareWithRaw("before the metadata update");  // every section read is fresh now
        const qint64 before = versionBumps();
        const qint64 moved = test::scalar(*m_db,
                                          QStringLiteral("SELECT MIN(id) FROM ai_telemetry WHERE agent_id = 'alpha'"
                                                         " AND confidence_score <= 1 AND execution_time_ms >= 0"
                                                         " AND created_at < ?"),
                                          {toDbDateTime(m_now.addDays(-2))});
        QVERIFY(moved > 0);
        QVERIFY(execStatement(*m_db, QStringLiteral("UPDATE ai_telemetry SET metadata = ? WHERE id = ?"),
                              {R"({"model_version":"v3"})", moved}, QStringLiteral("metadata")));
        QCOMPARE(versionBumps(), before + 4);  // old and new row (the same), hour and day
        compareWithRaw("after the metadata update");
        const qint64 confidence =
            test::scalar(*m_db, QStringLiteral("SELECT MAX(id) FROM ai_telemetry WHERE agent_id = 'beta'"));
        QVERIFY(execStatement(*m_db, QStringLiteral("UPDATE ai_telemetry SET confidence_score = 0.55 WHERE id = ?"),
                              {confidence}, QStringLiteral("confidence")));
        compareWithRaw("after a confidence update");
        // A change to no column the section reads leaves it fresh.
        const qint64 unchanged = versionBumps();
        QVERIFY(execStatement(*m_db, QStringLiteral("UPDATE ai_telemetry SET decision_made = '{\"a\":2}' WHERE id = ?"),
                              {moved}, QStringLiteral("decision")));
        QCOMPARE(versionBumps(), unchanged);
    }

    void deletes()
    {
        QVERIFY(execStatement(
            *m_db, QStringLiteral("DELETE FROM ai_telemetry WHERE agent_id = 'alpha' AND execution_time_ms > 2000"), {},
            QStringLiteral("delete")));
        compareWithRaw("after the delete");
    }

    // init --rebuild-rollups builds every section; a read then rebuilds nothing.
    void rebuildBuildsTheSections()
    {
        QVERIFY(rollup::rebuild(*m_db).ok());
        QCOMPARE(test::scalar(*m_db,
                              QStringLiteral(
                                  "SELECT COUNT(*) FROM atalaya_rollup_hour WHERE n > 0 AND ver_built <> ver_version")),
                 0);
        QCOMPARE(test::scalar(*m_db,
                              QStringLiteral(
                                  "SELECT COUNT(*) FROM atalaya_rollup_day WHERE n > 0 AND ver_built <> ver_version")),
                 0);
        compareWithRaw("after a rebuild");
    }
};

QTEST_GUILESS_MAIN(TestVersionRollups)
#include "tst_version_rollups.moc"

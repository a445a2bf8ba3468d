#include "tests/support/PdfText.h"
#include "tests/support/CliRunner.h"
#include "tests/support/RiskDemo.h"
#include "tests/support/TestDatabases.h"

#include "core/common/TimeUtil.h"
#include "core/demo/DemoRandom.h"
#include "core/demo/DoraGenerator.h"
#include "core/ingest/RiskCheckRecorder.h"
#include "core/insights/InsightsService.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskMonitor.h"
#include "core/risk/RiskService.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <set>

using namespace atalaya;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc();

std::vector<Insight> insightsOfKind(const InsightsReport &report, InsightKind kind)
{
    std::vector<Insight> out;
    for (const Insight &i : report.insights)
        if (i.kind == kind)
            out.push_back(i);
    return out;
}

bool writeCycles(const Database &db, const std::vector<DoraRow> &rows)
{
    for (const DoraRow &r : rows) {
        const Status s = execStatement(db,
                                       QStringLiteral("INSERT INTO dora_metrics (cycle_id, feature_id, phase_name, decision,"
                                                      " duration_seconds, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                       {r.cycleId, r.featureId, r.phaseName, r.decision, r.durationSeconds,
                                        QString::fromUtf8(QJsonDocument(r.metadata).toJson(QJsonDocument::Compact)),
                                        toDbDateTime(r.createdAt)},
                                       QStringLiteral("writing a test cycle"));
        if (!s) {
            qWarning("%s", qPrintable(s.error().message));
            return false;
        }
    }
    return true;
}

// A second generating process, unlike the demo's: 3 cycles a day around the clock, 3 tests at
// 90 %, larger changes, strong reviews, failures at 12 % (25 % above 800 changed lines).
std::vector<DoraRow> steadyCycles(int days, quint64 seed, const QDateTime &end)
{
    DemoRandom rng(seed);
    const char *complexity[] = {"low", "low", "medium", "high"};
    std::vector<DoraRow> rows;
    for (int c = 0; c < days * 3; ++c) {
        const QString cycle = QStringLiteral("steady-%1-%2").arg(seed).arg(c);
        const QString feature = QStringLiteral("F-%1").arg(c);
        const QDateTime at = end.addSecs(-static_cast<qint64>((days * 3 - c - rng.uniform()) * 8 * 3600));
        rows.push_back({cycle, feature, QStringLiteral("planning"), QStringLiteral("go"),
                        std::round(rng.logNormal(2 * 3600.0, 0.5)), {}, at.addDays(-2)});
        for (int t = 0; t < 3; ++t)
            rows.push_back({cycle, feature, QStringLiteral("testing"),
                            rng.chance(0.9) ? QStringLiteral("go") : QStringLiteral("no-go"), 900.0, {},
                            at.addSecs(-3600 * (3 - t))});
        const int changes = static_cast<int>(std::clamp(rng.logNormal(400, 0.6), 10.0, 5000.0));
        QJsonObject meta{{QStringLiteral("code_changes_size"), changes},
                         {QStringLiteral("feature_complexity"), QString::fromLatin1(complexity[rng.integer(0, 3)])},
                         {QStringLiteral("code_review_score"), std::round(rng.uniform(0.7, 1.0) * 100) / 100}};
        if (rng.chance(changes > 800 ? 0.25 : 0.12))
            meta.insert(QStringLiteral("deployment_failed"), true);
        rows.push_back({cycle, feature, QStringLiteral("deployment"), QStringLiteral("go"),
                        std::round(rng.logNormal(10 * 3600.0, 0.5)), meta, at});
        rows.push_back({cycle, feature, QStringLiteral("maintenance"), QStringLiteral("go"), 1800.0, {},
                        std::min(end, at.addSecs(1200))});
    }
    return rows;
}

enum class Process { Demo, Steady };

// 60 days of one process recorded from the first, the model trained on them, then 30 more
// days (another seed) whose cycles `change` may rewrite. The drift insights of the 30 days
// after training; nothing when a step failed (printed).
std::optional<std::vector<Insight>> driftAfterTraining(Process process, quint64 seed,
                                                       const std::function<void(DoraRow &)> &change)
{
    // A fixed clock: day of week and hour of the generated cycles do not move with the test's date.
    const QDateTime now(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);
    const QDateTime trainedAt = now.addDays(-30);
    auto cycles = [&](int days, quint64 s, const QDateTime &end) {
        return process == Process::Demo ? generateDemoCycles(days * 4, days, s, end) : steadyCycles(days, s, end);
    };
    test::FreshDatabase fresh = test::freshDatabase();
    if (!fresh.db)
        return std::nullopt;
    if (!writeCycles(*fresh.db, cycles(60, seed, trainedAt)))
        return std::nullopt;
    TrainRequest train;
    train.days = 60;
    train.activateAnyway = true;
    train.options.now = trainedAt;
    auto trained = RiskService(fresh.db).train(train);
    if (!trained || !trained->activated) {
        qWarning("training failed: %s", trained ? "not activated" : qPrintable(trained.error().message));
        return std::nullopt;
    }
    std::vector<DoraRow> later = cycles(30, seed + 1, now);
    for (DoraRow &r : later) {
        r.cycleId.prepend(QStringLiteral("later-"));
        change(r);
    }
    if (!writeCycles(*fresh.db, later))
        return std::nullopt;
    InsightOptions o;
    o.days = 30;
    o.now = now;
    auto found = InsightsService(fresh.db).run(o);
    if (!found) {
        qWarning("%s", qPrintable(found.error().message));
        return std::nullopt;
    }
    return insightsOfKind(*found, InsightKind::RiskFeatureDrift);
}

// Seeds of the histories each case runs on; 7 is the one whose later month has 2 cycles
// with 4 of 5 tests passed where 9 are expected (a real, 1-in-250 shift of tests_passed_pct).
const quint64 kSeeds[] = {7, 21, 35, 49};

void scaleDeployment(DoraRow &r, const QString &key, double factor, double cap)
{
    if (r.phaseName == QLatin1String("deployment"))
        r.metadata.insert(key, std::min(cap, factor * r.metadata.value(key).toDouble()));
}

}  // namespace

class TestRiskMonitor : public QObject {
    Q_OBJECT
private:
    test::FreshDatabase m_fresh;
    RiskModel m_trained;

    std::vector<FeatureVector> recentNormalized(int days) const
    {
        auto history = RiskDataSource(m_fresh.db).history(kNow.addDays(-days));
        std::vector<FeatureVector> out;
        if (!history)
            return out;
        for (const CycleSample &s : history->samples)
            if (s.deployedAt <= kNow && s.fullWindow)
                out.push_back(normalizeFeatures(s.raw));
        return out;
    }

    Result<RiskMonitorReport> monitor() const
    {
        RiskMonitorOptions o;
        o.days = 30;
        o.now = kNow;
        return RiskMonitor(m_fresh.db).run(o);
    }

    Result<InsightsReport> insights() const
    {
        InsightOptions o;
        o.days = 30;
        o.now = kNow;
        return InsightsService(m_fresh.db).run(o);
    }

    void activate(const RiskModel &model)
    {
        auto saved = RiskModelStore(m_fresh.db).save(model, true);
        QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(saved.error().message));
    }

private slots:
    void initTestCase()
    {
        m_fresh = test::freshDatabase();
        QVERIFY(m_fresh.db);
        QVERIFY(test::loadRiskDemo(m_fresh.db, kNow).ok());
        auto active = RiskModelStore(m_fresh.db).loadActive();
        QVERIFY(active.ok());
        m_trained = *active;
    }

    void trainingBinsSurviveStoring()
    {
        QVERIFY(m_trained.trainingBins.has_value());
        // Every training row once per feature: more rows than the background sample.
        std::vector<qint64> perFeature;
        for (const DriftCounts &feature : *m_trained.trainingBins)
            perFeature.push_back(std::accumulate(feature.begin(), feature.end(), qint64(0)));
        QVERIFY(std::all_of(perFeature.begin(), perFeature.end(), [&](qint64 n) { return n == perFeature.front(); }));
        QVERIFY(perFeature.front() > static_cast<qint64>(m_trained.background.size()));
        // A model written before the bins existed is read from its background sample.
        QJsonObject old = m_trained.metadataJson();
        old.remove(QStringLiteral("training_bins"));
        auto loaded = RiskModel::fromMetadata(old);
        QVERIFY(loaded.has_value());
        QVERIFY(!loaded->trainingBins);
        QCOMPARE(loaded->trainingBinsOrBackground(), binFeatures(m_trained.background));
    }

    void driftInOneFeatureOnly()
    {
        const std::vector<FeatureVector> recent = recentNormalized(30);
        QVERIFY(recent.size() >= 30);
        const int drifted = static_cast<int>(RiskFeature::TestsPassedPct);
        // Training bins equal to the recent cycles' except one feature, all of whose training
        // rows sit in the bin the recent cycles use least.
        FeatureBins bins = binFeatures(recent);
        const DriftCounts recentCounts = bins[drifted];
        const auto least = std::min_element(recentCounts.begin(), recentCounts.end()) - recentCounts.begin();
        bins[drifted] = DriftCounts{};
        bins[drifted][least] = static_cast<qint64>(recent.size());
        RiskModel model = m_trained;
        model.trainedAt = kNow.addSecs(-3600);
        model.trainingBins = bins;
        activate(model);

        auto report = monitor();
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->drift.size(), static_cast<size_t>(kRiskFeatureCount));
        for (const FeatureDrift &d : report->drift) {
            QCOMPARE(d.nRecent, static_cast<qint64>(recent.size()));
            if (d.feature == drifted)
                QVERIFY2(d.psi >= kHighDriftPsi, qPrintable(QString::number(d.psi)));
            else
                QCOMPARE(d.psi, 0.0);
        }
        auto found = insights();
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message));
        const auto drift = insightsOfKind(*found, InsightKind::RiskFeatureDrift);
        QCOMPARE(drift.size(), size_t(1));
        QCOMPARE(drift.front().metric, riskFeatureName(drifted));
        QCOMPARE(drift.front().severity, InsightSeverity::High);
        QVERIFY(drift.front().qValue <= 0.05);
        QVERIFY(insightsOfKind(*found, InsightKind::RiskModelStale).empty());
        const QString psi = QString::number(*drift.front().psi, 'f', 2);
        const QString english = QStringLiteral("Risk feature “Tests passed” drifted from the model's training data"
                                               " (PSI %1, %2 recent cycles)")
                                    .arg(psi)
                                    .arg(recent.size());
        QCOMPARE(drift.front().message, english);

        // The CLI keeps the feature's JSON name in `metric` and says it in words in `message`.
        const test::CliRun cli = test::runCliOn(m_fresh, {QStringLiteral("insights"), QStringLiteral("--days"),
                                                          QStringLiteral("30")});
        QCOMPARE(cli.exitCode, 0);
        int listed = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(cli.out).object().value("insights").toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value("kind").toString() != QLatin1String("risk_feature_drift"))
                continue;
            ++listed;
            QCOMPARE(o.value("metric").toString(), QStringLiteral("tests_passed_pct"));
            QCOMPARE(o.value("message").toString(), english);
        }
        QCOMPARE(listed, 1);

        // The PDF report's Insights section names the feature in the report's language only.
        for (const auto &[lang, words] : {std::pair{QStringLiteral("en"), QStringLiteral("“Tests passed”")},
                                          std::pair{QStringLiteral("es"), QStringLiteral("«Pruebas superadas»")}}) {
            QTemporaryDir dir;
            const QString out = dir.filePath(QStringLiteral("report.pdf"));
            const test::CliRun pdf = test::runCliOn(m_fresh, {QStringLiteral("export"), QStringLiteral("pdf"),
                                                              QStringLiteral("--out"), out, QStringLiteral("--lang"), lang});
            QCOMPARE(pdf.exitCode, 0);
            // In reading order a wrapped cell's lines follow each other: join them.
            const QString text = test::pdfText(out).simplified();
            QVERIFY2(text.contains(words), qPrintable(lang + QStringLiteral(": ") + text));
            QVERIFY2(!text.contains(QStringLiteral("tests_passed_pct")), qPrintable(lang));
        }
    }

    // Every insight is tested at q = 0.05 (Benjamini–Hochberg over all tests of a run), so a
    // stable history may show a false drift about once in 20 runs; over 8 histories of two
    // processes at most one is allowed. The overlapping 7-day counts alone gave one or two in
    // every run before the drift test used effective sample sizes.
    void noDriftWhenNothingChanges_data()
    {
        QTest::addColumn<int>("process");
        QTest::newRow("demo process") << int(Process::Demo);
        QTest::newRow("steady process") << int(Process::Steady);
    }
    void noDriftWhenNothingChanges()
    {
        QFETCH(int, process);
        int falseAlarms = 0;
        for (quint64 seed : kSeeds) {
            const auto drift = driftAfterTraining(Process(process), seed, [](DoraRow &) { });
            QVERIFY(drift);
            for (const Insight &i : *drift)
                qInfo("seed %llu, no change: %s", seed, qPrintable(i.message));
            falseAlarms += static_cast<int>(drift->size());
        }
        QVERIFY2(falseAlarms <= 1, qPrintable(QString::number(falseAlarms)));
    }

    void driftOnlyInTheFeatureThatShifted_data()
    {
        QTest::addColumn<int>("process");
        QTest::addColumn<int>("feature");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("cap");
        // Changes four times larger after training.
        QTest::newRow("demo process, larger changes") << int(Process::Demo) << int(RiskFeature::CodeChangesSize)
                                                      << QStringLiteral("code_changes_size") << 4.0 << 5000.0;
        // Review scores 0.70–1.00 become 0.42–0.60.
        QTest::newRow("steady process, weaker reviews") << int(Process::Steady) << int(RiskFeature::CodeReviewScore)
                                                        << QStringLiteral("code_review_score") << 0.6 << 1.0;
    }
    void driftOnlyInTheFeatureThatShifted()
    {
        QFETCH(int, process);
        QFETCH(int, feature);
        QFETCH(QString, key);
        QFETCH(double, factor);
        QFETCH(double, cap);
        int others = 0;
        for (quint64 seed : kSeeds) {
            const auto drift = driftAfterTraining(Process(process), seed,
                                                  [&](DoraRow &r) { scaleDeployment(r, key, factor, cap); });
            QVERIFY(drift);
            int shifted = 0;
            for (const Insight &i : *drift) {
                qInfo("seed %llu: %s", seed, qPrintable(i.message));
                if (i.metric == riskFeatureName(feature)) {
                    ++shifted;
                    QCOMPARE(i.severity, InsightSeverity::High);
                } else {
                    ++others;
                }
            }
            QCOMPARE(shifted, 1);
        }
        QVERIFY2(others <= 1, qPrintable(QString::number(others)));
    }

    void staleModel()
    {
        RiskModel model = m_trained;
        model.trainedAt = kNow.addDays(-50);
        activate(model);
        auto report = monitor();
        QVERIFY(report.ok());
        QVERIFY(report->stale);
        QVERIFY(std::abs(report->ageDays - 50.0) < 1e-6);
        auto found = insights();
        QVERIFY(found.ok());
        const auto stale = insightsOfKind(*found, InsightKind::RiskModelStale);
        QCOMPARE(stale.size(), size_t(1));
        QCOMPARE(stale.front().severity, InsightSeverity::Medium);
        QVERIFY(std::abs(stale.front().current - 50.0) < 1e-6);
        QCOMPARE(*stale.front().baseline, double(kStaleModelDays));

        // The CLI's JSON: a fact, no test behind it.
        const test::CliRun cli = test::runCliOn(m_fresh, {QStringLiteral("insights"), QStringLiteral("--days"),
                                                          QStringLiteral("30")});
        QCOMPARE(cli.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(cli.out).object().value("insights").toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value("kind").toString() != QLatin1String("risk_model_stale"))
                continue;
            listed = true;
            QCOMPARE(o.value("agent_id").toString(), QStringLiteral("deployment-risk-predictor"));
            QVERIFY(o.value("q_value").isNull());
            QVERIFY(o.value("p_value").isNull());
        }
        QVERIFY(listed);

        // The PDF report's Insights section, in both languages: the age in days, no q-value.
        for (const auto &[lang, kind] : {std::pair{QStringLiteral("en"), QStringLiteral("stale")},
                                         std::pair{QStringLiteral("es"), QStringLiteral("desactualizado")}}) {
            QTemporaryDir dir;
            const QString out = dir.filePath(QStringLiteral("report.pdf"));
            const test::CliRun pdf = test::runCliOn(m_fresh, {QStringLiteral("export"), QStringLiteral("pdf"),
                                                              QStringLiteral("--out"), out, QStringLiteral("--lang"), lang});
            QCOMPARE(pdf.exitCode, 0);
            const QString text = test::pdfText(out, test::PdfLayout::Columns);
            // The row's cells wrap over a few lines; its figures share one.
            QVERIFY2(text.contains(kind), qPrintable(lang));
            const QString tail = text.section(QStringLiteral("45 d"), 1, 1).section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(tail.contains(QStringLiteral("50 d")) && tail.contains(QStringLiteral("—")),
                     qPrintable(lang + QStringLiteral(": ") + tail));
        }
    }

    void pastPredictionAccuracy()
    {
        activate(m_trained);
        RiskDataSource source(m_fresh.db);
        auto pending = source.pendingCycles();
        QVERIFY(pending.ok());
        const std::set<QString> waiting(pending->begin(), pending->end());
        auto history = source.history(kNow.addDays(-30));
        QVERIFY(history.ok());
        // Two failed and two successful cycles with an outcome, each given a known prediction.
        std::vector<std::pair<QString, bool>> chosen;
        int failed = 0, ok = 0;
        for (const CycleSample &s : history->samples) {
            if (waiting.count(s.cycleId) || s.deployedAt > kNow)
                continue;
            if (s.failed && failed < 2) {
                chosen.emplace_back(s.cycleId, true);
                ++failed;
            } else if (!s.failed && ok < 2) {
                chosen.emplace_back(s.cycleId, false);
                ++ok;
            }
        }
        QCOMPARE(chosen.size(), size_t(4));
        // (risk_score, failure_probability) for failed, failed, ok, ok in the order found.
        const double failedScores[] = {0.8, 0.4}, failedProb[] = {0.7, 0.3};
        const double okScores[] = {0.3, 0.6}, okProb[] = {0.2, 0.6};
        int fi = 0, oi = 0;
        for (const auto &[cycleId, isFailed] : chosen) {
            RiskPrediction p;
            p.riskScore = isFailed ? failedScores[fi] : okScores[oi];
            p.failureProbability = isFailed ? failedProb[fi++] : okProb[oi++];
            p.level = riskLevel(p.riskScore);
            p.confidence = 0.5;
            auto recorded = recordRiskCheck(m_fresh.db, p, m_trained, cycleId, std::nullopt, 1.0, QStringLiteral("test"));
            QVERIFY2(recorded.ok(), recorded.ok() ? "" : qPrintable(recorded.error().message));
        }
        auto report = monitor();
        QVERIFY(report.ok());
        const PredictionAccuracy &a = report->accuracy;
        QCOMPARE(a.n, qint64(4));
        QCOMPARE(a.failures, qint64(2));
        // Brier: ((0.7−1)² + (0.3−1)² + 0.2² + 0.6²) / 4 = (0.09 + 0.49 + 0.04 + 0.36) / 4 = 0.245.
        QVERIFY(std::abs(*a.brier - 0.245) < 1e-12);
        // At 0.5: 0.8 failed ✓, 0.4 failed ✗, 0.3 ok ✓, 0.6 ok ✗ → 2 of 4.
        QCOMPARE(*a.accuracy, 0.5);
        // AUC: failed {0.8, 0.4} over ok {0.3, 0.6}: 0.8>0.3, 0.8>0.6, 0.4>0.3, 0.4<0.6 → 3/4.
        QCOMPARE(*a.rocAuc, 0.75);
        // The four predictions, all recorded now, are one period of the distribution.
        QCOMPARE(report->scores.size(), size_t(1));
        QCOMPARE(report->scores.front().n, qint64(4));
        QVERIFY(std::abs(report->scores.front().p50 - 0.5) < 1e-12);  // median of 0.3 0.4 0.6 0.8
        QVERIFY(std::abs(report->scores.front().mean - 0.525) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestRiskMonitor)
#include "tst_risk_monitor.moc"

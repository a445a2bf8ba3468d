#include "tests/support/TestDatabases.h"

#include "core/ingest/RiskCheckRecorder.h"
#include "core/insights/InsightsService.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"
#include "core/risk/RiskMonitor.h"
#include "core/setup/DemoLoader.h"

#include <QtTest>

#include <numeric>
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
        DemoOptions options;
        options.decisions = 0;
        options.days = 60;
        options.now = kNow;
        auto demo = loadDemoData(m_fresh.db, options);
        QVERIFY(demo.ok());
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

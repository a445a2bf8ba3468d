#include "core/demo/DoraGenerator.h"
#include "core/risk/DlibForest.h"
#include "core/risk/RiskExplainer.h"
#include "core/risk/RiskTraining.h"

#include <QtTest>

#include <sys/resource.h>

#include <cmath>
#include <limits>
#include <random>

using namespace atalaya;

Q_DECLARE_METATYPE(atalaya::FeatureVector)

namespace {

const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

std::vector<CycleSample> history(int cycles, quint64 seed = 7)
{
    const auto rows = generateDemoCycles(cycles, std::max(30, cycles / 6), seed, kNow);
    return extractHistory(rows, QDateTime::fromMSecsSinceEpoch(0, Qt::UTC)).samples;
}

TrainingOptions smallOptions()
{
    TrainingOptions o;
    o.now = kNow;
    o.forest.trees = 20;
    o.forest.treesPerChunk = 5;
    o.backgroundSize = 40;
    o.importanceRepeats = 2;
    return o;
}

// Two histories where the best forest differs: a noise-free XOR of two thresholds (fine
// structure, wants small leaves) and a weak additive signal drowned in label noise (wants big,
// smooth leaves). The other eight features are noise in both.
std::vector<CycleSample> process(bool sharp, int n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    std::vector<CycleSample> out(n);
    for (int i = 0; i < n; ++i) {
        FeatureVector &x = out[i].raw;
        x = {uniform() * 172800,
             std::round(uniform() * 100),
             std::round(uniform() * 1000),
             std::floor(uniform() * 24),
             std::floor(uniform() * 7),
             std::floor(uniform() * 20),
             std::floor(uniform() * 50),
             uniform() * 86400,
             1 + std::floor(uniform() * 4),
             std::round(uniform() * 100) / 100};
        const double tests = x[int(RiskFeature::TestsPassedPct)] / 100;
        const double review = x[int(RiskFeature::CodeReviewScore)];
        const double p = sharp ? ((tests < 0.5) != (review < 0.7) ? 0.97 : 0.03)
                               : 1 / (1 + std::exp(-(-1.2 + 0.9 * (1 - tests) - 0.6 * review)));
        out[i].failed = uniform() < p;
        out[i].deployedAt = kNow.addSecs(-3600LL * (n - i));
        out[i].cycleId = QString::number(i);
    }
    return out;
}

FeatureVector raw(double tests, double changes, double hour, double dow, double failures, double review,
                  double complexity)
{
    return {7200, tests, changes, hour, dow, failures, 5, 3600 * 4, complexity, review};
}

}  // namespace

class TestRiskTraining : public QObject {
    Q_OBJECT
private:
    std::vector<CycleSample> m_samples;
    std::optional<RiskModel> m_model;

private slots:
    void initTestCase()
    {
        m_samples = history(1500);
        QVERIFY(m_samples.size() == 1500);
        auto model = trainRiskModel(m_samples, smallOptions());
        QVERIFY2(model.ok(), model.ok() ? "" : qPrintable(model.error().message));
        m_model = *model;
    }

    void splitIsStratifiedAndSeeded()
    {
        std::vector<bool> labels(1000, false);
        for (int i = 0; i < 150; ++i)
            labels[i * 6] = true;
        const Split a = stratifiedSplit(labels, 42);
        const Split b = stratifiedSplit(labels, 42);
        QCOMPARE(a.validation, b.validation);
        QCOMPARE(int(a.validation.size()), 200);
        QCOMPARE(int(std::count_if(a.validation.begin(), a.validation.end(), [&](int i) { return labels[i]; })), 30);
        QCOMPARE(int(a.train.size()), 800);
        QVERIFY(stratifiedSplit(labels, 43).validation != a.validation);
    }

    void foldsAreStratifiedAndPartition()
    {
        std::vector<bool> labels(1003, false);
        for (int i = 0; i < 151; ++i)
            labels[i * 6] = true;
        const auto folds = stratifiedFolds(labels, 5, 42);
        QCOMPARE(int(folds.size()), 5);
        std::vector<int> seen(labels.size(), 0);
        for (const auto &fold : folds) {
            QVERIFY(fold.size() == 200 || fold.size() == 201);
            const auto failed = std::count_if(fold.begin(), fold.end(), [&](int i) { return labels[i]; });
            QVERIFY2(failed == 30 || failed == 31, qPrintable(QString::number(failed)));
            for (int i : fold)
                ++seen[i];
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
        QCOMPARE(stratifiedFolds(labels, 5, 42), folds);
        QVERIFY(stratifiedFolds(labels, 5, 43) != folds);
    }

    void searchPicksSettingsPerHistory()
    {
        TrainingOptions o = smallOptions();
        o.cvTrees = 20;
        QJsonObject chosen[2];
        for (int sharp = 0; sharp < 2; ++sharp) {
            const auto samples = process(sharp == 1, 1500, 3 + sharp);
            auto model = trainRiskModel(samples, o);
            QVERIFY(model.ok());
            const SettingsSearch &s = model->search;
            QCOMPARE(s.rows, 1500);
            QCOMPARE(s.folds, 5);
            QCOMPARE(s.treesPerFold, 20);
            QCOMPARE(int(s.candidates.size()), searchCandidateCount(1500));
            QCOMPARE(std::count_if(s.candidates.begin(), s.candidates.end(), [](auto &c) { return c.chosen; }), 1);
            const auto winner =
                std::find_if(s.candidates.begin(), s.candidates.end(), [](auto &c) { return c.chosen; });
            // The model is grown with the chosen candidate (trees may double), and its CV is the
            // chosen candidate's: same folds, same forests.
            QCOMPARE(model->settings.minSamplesPerLeaf, winner->settings.minSamplesPerLeaf);
            QCOMPARE(model->settings.featureFraction, winner->settings.featureFraction);
            QCOMPARE(model->settings.resampling, winner->settings.resampling);
            QVERIFY(model->settings.trees == o.forest.trees || model->settings.trees == 2 * o.forest.trees);
            QCOMPARE(model->metrics.rocAuc, winner->cvAuc);
            // Nothing tried beat the winner by more than the required gain.
            for (const SettingsCandidate &c : s.candidates)
                QVERIFY2(*c.cvAuc <= *winner->cvAuc + o.search.minGain,
                         qPrintable(QStringLiteral("%1 > %2").arg(*c.cvAuc).arg(*winner->cvAuc)));
            chosen[sharp] = model->settings.toJson();
            QCOMPARE(SettingsSearch::fromJson(s.toJson()).toJson(), s.toJson());
            auto again = trainRiskModel(samples, o);
            QVERIFY(again.ok());
            QCOMPARE(again->search.toJson(), s.toJson());
            QCOMPARE(serializeForest(again->forest), serializeForest(model->forest));
        }
        qInfo() << "noisy:" << chosen[0] << "sharp:" << chosen[1];
        QVERIFY(chosen[0].value("min_samples_per_leaf").toInt() > chosen[1].value("min_samples_per_leaf").toInt());
    }

    void givenSettingsAreNotSearched()
    {
        TrainingOptions o = smallOptions();
        o.searchSettings = false;
        o.forest.minSamplesPerLeaf = 7;
        o.forest.resampling = Resampling::UndersampleSuccesses;
        auto model = trainRiskModel(process(true, 400, 5), o);
        QVERIFY(model.ok());
        QVERIFY(model->search.empty());
        QCOMPARE(model->settings.minSamplesPerLeaf, 7);
        QCOMPARE(model->settings.resampling, Resampling::UndersampleSuccesses);
        QCOMPARE(int(model->forest.trees.size()), 20);
        QVERIFY(model->metadataJson().value("settings_search").toObject().isEmpty());
        QCOMPARE(RiskModel::fromMetadata(model->metadataJson())->settings.toJson(), model->settings.toJson());
    }

    void timeSplitTestsTheNewestCycles()
    {
        QVERIFY(m_model->timeSplit.has_value());
        QCOMPARE(m_model->timeSplit->trainingSamples, 1200);
        QCOMPARE(m_model->timeSplit->validationSamples, 300);
        QVERIFY(m_model->timeSplit->rocAuc && *m_model->timeSplit->rocAuc > 0.6);
        // Shuffling which cycles are newest changes the time split but not the CV.
        std::vector<CycleSample> reordered = m_samples;
        for (std::size_t i = 0; i < reordered.size(); ++i)
            reordered[i].deployedAt = m_samples[reordered.size() - 1 - i].deployedAt;
        auto other = trainRiskModel(reordered, smallOptions());
        QVERIFY(other.ok());
        QCOMPARE(other->metrics.toJson(), m_model->metrics.toJson());
        QVERIFY(other->timeSplit->toJson() != m_model->timeSplit->toJson());
    }

    void calibrationKeptOnlyWhenItHelps()
    {
        const Calibration &c = m_model->calibration;
        QVERIFY(c.brierPriorCorrection > 0);
        if (c.method == Calibration::Method::Platt)
            QVERIFY(c.brierPlatt < c.brierPriorCorrection);
        else
            QVERIFY(c.brierPlatt >= c.brierPriorCorrection);
        QVERIFY(qAbs(*m_model->metrics.brier - std::min(c.brierPlatt, c.brierPriorCorrection)) < 1e-12);
        // Scores squeezed towards 0.5 are under-confident: Platt must stretch them and win.
        std::vector<double> scores;
        std::vector<bool> labels;
        for (int i = 0; i < 400; ++i) {
            labels.push_back(i % 4 == 0);
            scores.push_back(labels.back() ? 0.6 : 0.4);
        }
        const Calibration fitted = fitCalibration(scores, labels, 0.5);
        QCOMPARE(fitted.method, Calibration::Method::Platt);
        QVERIFY(fitted.brierPlatt < fitted.brierPriorCorrection);
        QVERIFY(fitted.probability(0.6, 0.5) > 0.95);
        QVERIFY(fitted.probability(0.4, 0.5) < 0.05);
        // Already calibrated scores keep the prior correction (identity at π = 0.5).
        std::vector<double> exact;
        std::vector<bool> y;
        for (int i = 0; i < 1000; ++i) {
            exact.push_back(i < 500 ? 0.2 : 0.8);
            y.push_back(i < 500 ? i % 5 == 0 : i % 5 != 0);
        }
        const Calibration identity = fitCalibration(exact, y, 0.5);
        QVERIFY(qAbs(identity.brierPlatt - identity.brierPriorCorrection) < 1e-9);
        QVERIFY(qAbs(identity.probability(0.8, 0.5) - 0.8) < 1e-6);
    }

    void metadataKeepsCvTimeSplitAndCalibration()
    {
        auto back = RiskModel::fromMetadata(m_model->metadataJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->cvFolds, 5);
        QCOMPARE(back->cvTrees, 20);
        QCOMPARE(back->timeSplit->toJson(), m_model->timeSplit->toJson());
        QCOMPARE(back->calibration.toJson(), m_model->calibration.toJson());
        QCOMPARE(back->failureProbability(0.7), m_model->failureProbability(0.7));
    }

    void demoHistoryPassesTheSeedChecks_data()
    {
        QTest::addColumn<int>("cycles");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("240 cycles (demo default), seed 42") << 240 << quint64(42);
        QTest::newRow("240 cycles, seed 7") << 240 << quint64(7);
        QTest::newRow("120 cycles, seed 3") << 120 << quint64(3);
        QTest::newRow("1000 cycles, seed 5") << 1000 << quint64(5);
    }
    void demoHistoryPassesTheSeedChecks()
    {
        QFETCH(int, cycles);
        QFETCH(quint64, seed);
        const int days = cycles / 4;
        const auto rows = generateDemoCycles(cycles, days, seed, kNow);
        const auto samples = extractHistory(rows, kNow.addDays(-days)).samples;
        TrainingOptions o;
        o.now = kNow;
        auto model = trainRiskModel(samples, o);
        QVERIFY(model.ok());
        const auto checks = validationChecks(model->metrics);
        QString why;
        for (const ValidationCheck &c : checks)
            why += QStringLiteral("%1=%2 ").arg(c.name).arg(c.value.value_or(-1));
        QVERIFY2(allPassed(checks), qPrintable(why));
        QVERIFY2(model->metrics.precision && *model->metrics.precision >= 0.5, qPrintable(why));
    }

    void metricsFollowTheSeedFormulas()
    {
        // scores > 0.5 predict failure: TP 2, FN 1, FP 1, TN 2.
        const std::vector<double> s = {0.9, 0.7, 0.5, 0.6, 0.2, 0.1};
        const std::vector<bool> y = {true, true, true, false, false, false};
        const RiskMetrics m = evaluateScores(s, y, 0.5);
        QCOMPARE(m.tp, 2);
        QCOMPARE(m.fn, 1);
        QCOMPARE(m.fp, 1);
        QCOMPARE(m.tn, 2);
        QCOMPARE(*m.accuracy, 4.0 / 6);
        QCOMPARE(*m.precision, 2.0 / 3);
        QCOMPARE(*m.recall, 2.0 / 3);
        QCOMPARE(*m.f1, 2.0 / 3);
        QCOMPARE(*m.rocAuc, 8.0 / 9);  // 8 of 9 positive/negative pairs ordered right
        double brier = 0;
        for (int i = 0; i < 6; ++i)
            brier += (s[i] - y[i]) * (s[i] - y[i]);  // π = 0.5: no correction
        QCOMPARE(*m.brier, brier / 6);
        const RiskMetrics none = evaluateScores({0.1, 0.2}, {false, false}, 0.1);
        QVERIFY(!none.precision && !none.recall && !none.f1 && !none.rocAuc);
        QCOMPARE(rocAuc({0.3, 0.3}, {true, false}).value(), 0.5);
    }

    void priorCorrection()
    {
        QCOMPARE(priorCorrected(0.5, 0.15), 0.15);
        QCOMPARE(priorCorrected(0.0, 0.15), 0.0);
        QCOMPARE(priorCorrected(1.0, 0.15), 1.0);
        QVERIFY(qAbs(priorCorrected(0.8, 0.2) - 0.8 * 0.2 / (0.8 * 0.2 + 0.2 * 0.8)) < 1e-15);
    }

    void refusesTooLittleData()
    {
        auto nine = trainRiskModel(std::vector<CycleSample>(m_samples.begin(), m_samples.begin() + 9), smallOptions());
        QVERIFY(!nine);
        QCOMPARE(nine.error().code, ErrorCode::NoModel);
        std::vector<CycleSample> allGood(20, m_samples.front());
        for (auto &s : allGood)
            s.failed = false;
        auto oneClass = trainRiskModel(allGood, smallOptions());
        QVERIFY(!oneClass);
        QCOMPARE(oneClass.error().code, ErrorCode::NoModel);
    }

    void reproducibleBitForBit()
    {
        auto again = trainRiskModel(m_samples, smallOptions());
        QVERIFY(again.ok());
        QCOMPARE(serializeForest(again->forest), serializeForest(m_model->forest));
        QCOMPARE(again->metadataJson(), m_model->metadataJson());
    }

    void progressAndCancel()
    {
        QList<int> steps;
        TrainingMonitor monitor;
        monitor.progress = [&](int done, int total, const QString &) { steps << done * 100 / total; };
        monitor.cancelled = [&] { return steps.size() >= 2; };
        auto cancelled = trainRiskModel(m_samples, smallOptions(), monitor);
        QVERIFY(!cancelled);
        QVERIFY(cancelled.error().message.contains("cancelled"));
        QCOMPARE(steps.size(), 2);
        steps.clear();
        monitor.cancelled = {};
        QVERIFY(trainRiskModel(m_samples, smallOptions(), monitor).ok());
        QCOMPARE(steps.last(), 100);
        QVERIFY(std::is_sorted(steps.begin(), steps.end()));
    }

    void learnsSomething()
    {
        const RiskMetrics &m = m_model->metrics;
        QCOMPARE(m.trainingSamples, 1500);  // the final forest sees every cycle
        QCOMPARE(m.validationSamples, 1500);  // every cycle predicted once, out of fold
        QCOMPARE(m.tp + m.fp + m.tn + m.fn, 1500);
        QCOMPARE(int(m_model->forest.trees.size()), m_model->settings.trees);
        QVERIFY2(m.rocAuc && *m.rocAuc > 0.6, qPrintable(QString::number(m.rocAuc.value_or(-1))));
        double total = 0;
        for (double v : m_model->importance)
            total += v;
        QVERIFY(qAbs(total - 1.0) < 1e-12);
        QCOMPARE(int(m_model->background.size()), 40);
    }

    void forestMatchesDlibExactly()
    {
        const QByteArray bytes = serializeForest(m_model->forest);
        auto back = deserializeForest(bytes);
        QVERIFY(back.ok());
        QCOMPARE(serializeForest(*back), bytes);
        for (int i = 0; i < 50; ++i) {
            const FeatureVector x = normalizeFeatures(m_samples[i * 7].raw);
            QCOMPARE(back->predict(x), dlibPredict(bytes, x));  // bit for bit, not fuzzy
        }
    }

    void corruptedForestRefused()
    {
        const QByteArray bytes = serializeForest(m_model->forest);
        QVERIFY(!deserializeForest(bytes.left(bytes.size() / 2)));
        QVERIFY(!deserializeForest(QByteArray("PK\x03\x04 not a model")));
        QVERIFY(!deserializeForest(QByteArray()));
        QByteArray flipped = bytes;
        flipped[40] = char(0x7f);  // inside the first tree's node indexes
        auto f = deserializeForest(flipped);
        if (f)  // a flip may land on a threshold: then the forest is still well-formed
            QVERIFY(f->trees.size() == m_model->forest.trees.size());
    }

    // A forest file that dlib would read into a risk score outside 0–1, or that makes it
    // allocate what a corrupted length says (tests/fuzz/corpus/modelfile has the inputs the
    // fuzzer found).
    void brokenForestRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        Tree tree;
        tree.nodes = {{1, 2, 0.5f, 0}};
        tree.leaves = {0.25f, 0.75f};
        TreeEnsemble valid;
        valid.trees = {tree};
        const QByteArray bytes = serializeForest(valid);
        QVERIFY(deserializeForest(bytes).ok());
        auto withLeaf = [&](float leaf) {
            TreeEnsemble e = valid;
            e.trees[0].leaves[1] = leaf;
            return serializeForest(e);
        };
        QTest::newRow("leaf above 1") << withLeaf(1.5f);
        QTest::newRow("negative leaf") << withLeaf(-0.25f);
        QTest::newRow("NaN leaf") << withLeaf(std::numeric_limits<float>::quiet_NaN());
        QTest::newRow("infinite leaf") << withLeaf(std::numeric_limits<float>::infinity());
        QTest::newRow("trailing bytes") << bytes + QByteArray("\x01\x00", 2);
        // The first length (of dlib's type name), 33, turned into 512 MiB.
        QByteArray huge = bytes;
        huge.replace(0, 2, QByteArray("\x04\x00\x00\x00\x20", 5));
        QTest::newRow("length of 512 MiB") << huge;
        // The fuzzer's own input: six length bytes after a control byte with reserved bits.
        QByteArray terabytes = bytes;
        terabytes.replace(33 + 2, 2, QByteArray("\x46\x17", 2));
        QTest::newRow("length of terabytes") << terabytes;
    }

    void brokenForestRefused()
    {
        QFETCH(QByteArray, bytes);
        rusage before{};
        getrusage(RUSAGE_SELF, &before);
        const auto forest = deserializeForest(bytes);
        rusage after{};
        getrusage(RUSAGE_SELF, &after);
        QVERIFY(!forest);
        QCOMPARE(forest.error().code, ErrorCode::Usage);
        QVERIFY2(after.ru_maxrss - before.ru_maxrss < 64 * 1024,
                 qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(after.ru_maxrss - before.ru_maxrss)));
    }

    void metadataWithImpossibleFailureRateRefused_data()
    {
        QTest::addColumn<double>("failureRate");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0") << 0.0 << true;
        QTest::newRow("1") << 1.0 << true;
        QTest::newRow("negative") << -0.01 << false;
        QTest::newRow("above 1") << 5.0 << false;
    }

    void metadataWithImpossibleFailureRateRefused()
    {
        QFETCH(double, failureRate);
        QFETCH(bool, accepted);
        QJsonObject meta = m_model->metadataJson();
        QJsonObject metrics = meta.value(QStringLiteral("metrics")).toObject();
        metrics.insert(QStringLiteral("failure_rate"), failureRate);
        meta.insert(QStringLiteral("metrics"), metrics);
        const auto back = RiskModel::fromMetadata(meta);
        QCOMPARE(back.has_value(), accepted);
        if (back) {
            const double p = back->failureProbability(0.5);
            QVERIFY(p >= 0.0 && p <= 1.0);
        }
    }

    void treeShapMatchesBruteForce()
    {
        TrainingOptions o = smallOptions();
        o.forest.trees = 4;
        o.forest.treesPerChunk = 4;
        o.backgroundSize = 12;
        auto tiny = trainRiskModel(history(300, 11), o);
        QVERIFY(tiny.ok());
        for (int i = 0; i < 5; ++i) {
            const FeatureVector x = normalizeFeatures(m_samples[i * 31].raw);
            const Contributions fast = tiny->forest.shapley(x, tiny->background);
            const Contributions slow = tiny->forest.shapleyBruteForce(x, tiny->background);
            for (int f = 0; f < kRiskFeatureCount; ++f)
                QVERIFY2(qAbs(fast[f] - slow[f]) < 1e-9,
                         qPrintable(QStringLiteral("feature %1: %2 vs %3").arg(f).arg(fast[f]).arg(slow[f])));
        }
    }

    void explanationIsAdditive()
    {
        for (int i = 0; i < 40; ++i) {
            const RiskPrediction p = explainRisk(*m_model, m_samples[i * 13].raw, RiskLanguage::English);
            double sum = p.baseValue;
            for (double c : p.contributions)
                sum += c;
            QVERIFY2(qAbs(sum - p.riskScore) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(p.riskScore)));
            QVERIFY(p.topFactors.size() <= 5);
            for (std::size_t k = 1; k < p.topFactors.size(); ++k)
                QVERIFY(p.topFactors[k - 1].contribution >= p.topFactors[k].contribution
                        && p.topFactors[k].contribution > 0);
            QVERIFY(!p.recommendations.isEmpty() && p.recommendations.size() <= 5);
        }
    }

    void levels_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("level");
        QTest::addColumn<double>("confidence");
        QTest::newRow("0") << 0.0 << "very_low" << 1.0;
        QTest::newRow("0.1999") << 0.1999 << "very_low" << 0.6002;
        QTest::newRow("0.20") << 0.20 << "low" << 0.6;
        QTest::newRow("0.3999") << 0.3999 << "low" << 0.2002;
        QTest::newRow("0.40") << 0.40 << "medium" << 0.2;
        QTest::newRow("0.5") << 0.5 << "medium" << 0.0;
        QTest::newRow("0.6999") << 0.6999 << "medium" << 0.3998;
        QTest::newRow("0.70") << 0.70 << "high" << 0.4;
        QTest::newRow("0.95") << 0.95 << "high" << 0.9;
    }
    void levels()
    {
        QFETCH(double, score);
        QFETCH(QString, level);
        QFETCH(double, confidence);
        QCOMPARE(riskLevel(score), level);
        QVERIFY(qAbs(riskConfidence(score) - confidence) < 1e-12);
    }

    void recommendations_data()
    {
        QTest::addColumn<FeatureVector>("raw");
        QTest::addColumn<int>("feature");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        const FeatureVector good = raw(95, 120, 10, 1, 0, 0.9, 1);
        QTest::newRow("tests < 80") << raw(79, 120, 10, 1, 0, 0.9, 1) << int(RiskFeature::TestsPassedPct) << 0.1 << "es"
                                    << "Aumentar cobertura de tests (actualmente bajo 80%)"
                                    << "BAJO RIESGO: Proceder con deployment, monitoreo estándar";
        QTest::newRow("tests 80 no rule")
            << raw(80, 120, 10, 1, 0, 0.9, 1) << int(RiskFeature::TestsPassedPct) << 0.45 << "es"
            << "RIESGO MEDIO: Preparar plan de rollback y monitoreo intensivo"
            << "RIESGO MEDIO: Preparar plan de rollback y monitoreo intensivo";
        QTest::newRow("changes > 500") << raw(95, 501, 10, 1, 0, 0.9, 1) << int(RiskFeature::CodeChangesSize) << 0.75
                                       << "en"
                                       << "Consider splitting the deployment into smaller changes"
                                       << "HIGH RISK: consider postponing the deployment or preparing more";
        QTest::newRow("failures >= 3") << raw(95, 120, 10, 1, 3, 0.9, 1) << int(RiskFeature::PreviousFailures) << 0.3
                                       << "en"
                                       << "Review recent failure patterns before deploying"
                                       << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("review < 0.7") << raw(95, 120, 10, 1, 0, 0.69, 1) << int(RiskFeature::CodeReviewScore) << 0.3
                                      << "en"
                                      << "Improve the code review before deploying"
                                      << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("friday") << raw(95, 120, 10, 4, 0, 0.9, 1) << int(RiskFeature::DayOfWeek) << 0.3 << "en"
                                << "Deploy during business hours (Monday to Thursday, 08:00–18:00)"
                                << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("18:00") << raw(95, 120, 18, 1, 0, 0.9, 1) << int(RiskFeature::TimeOfDay) << 0.3 << "en"
                               << "Deploy during business hours (Monday to Thursday, 08:00–18:00)"
                               << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("08:00 thursday") << raw(95, 120, 8, 3, 0, 0.9, 1) << int(RiskFeature::TimeOfDay) << 0.3 << "en"
                                        << "LOW RISK: proceed with the deployment and standard monitoring"
                                        << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("complexity 3") << raw(95, 120, 10, 1, 0, 0.9, 3) << int(RiskFeature::FeatureComplexityScore)
                                      << 0.3 << "en"
                                      << "High complexity: get an extra review or ship behind a feature flag"
                                      << "LOW RISK: proceed with the deployment and standard monitoring";
        QTest::newRow("not a top factor") << raw(10, 120, 10, 1, 0, 0.9, 1) << int(RiskFeature::LeadTime) << 0.3 << "en"
                                          << "LOW RISK: proceed with the deployment and standard monitoring"
                                          << "LOW RISK: proceed with the deployment and standard monitoring";
        Q_UNUSED(good);
    }
    void recommendations()
    {
        QFETCH(FeatureVector, raw);
        QFETCH(int, feature);
        QFETCH(double, score);
        QFETCH(QString, lang);
        QFETCH(QString, first);
        QFETCH(QString, last);
        const QStringList r = riskRecommendations(raw, {RiskFactor{feature, 0.1, 0.5}}, score, riskLanguageFrom(lang));
        QCOMPARE(r.first(), first);
        QCOMPARE(r.last(), last);
    }

    void decisionShape()
    {
        RiskPrediction p = explainRisk(*m_model, raw(40, 900, 2, 5, 6, 0.5, 4), RiskLanguage::English);
        const QJsonObject d = decisionJson(p, 0.0);
        QCOMPARE(d.value("action").toString(), QStringLiteral("block"));
        for (const char *key : {"action", "risk_score", "risk_level", "recommendations", "blockers", "reasoning"})
            QVERIFY2(d.contains(QLatin1String(key)), key);
        QVERIFY(!d.value("blockers").toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRiskTraining)
#include "tst_risktraining.moc"

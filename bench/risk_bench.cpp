// Deployment-risk model figures (docs/RISK_MODEL.md, issue 6 targets): trains on a synthetic history
// with a known nonlinear truth, prints held-out AUC/F1/Brier, train time, predict and Shapley
// latency as JSON, and optionally writes the split for bench/risk_sklearn.py. With --from-csv
// it trains on the "train" rows of a bench/risk_processes.py file instead and prints the
// held-out AUC on its "val" rows with the settings the search chose.
#include "bench/thread_cpu.h"
#include "core/risk/DlibForest.h"
#include "core/risk/RiskExplainer.h"
#include "core/risk/RiskTraining.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>
#include <QThread>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace atalaya;

namespace {

class Rng {
public:
    explicit Rng(quint64 seed) : m_engine(seed) { }
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int integer(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }
    double normal() { return std::sqrt(-2.0 * std::log(1.0 - uniform())) * std::cos(2.0 * M_PI * uniform()); }
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

private:
    std::mt19937_64 m_engine;
};

// The known truth: risks compound when several factors are bad together (as in the demo
// generator), offset so that ~15 % of deployments fail.
double truthProbability(const FeatureVector &x)
{
    const double tests = x[int(RiskFeature::TestsPassedPct)];
    const double changes = x[int(RiskFeature::CodeChangesSize)];
    const double review = x[int(RiskFeature::CodeReviewScore)];
    const double complexity = x[int(RiskFeature::FeatureComplexityScore)];
    const double hour = x[int(RiskFeature::TimeOfDay)];
    const double dow = x[int(RiskFeature::DayOfWeek)];
    const double failures = x[int(RiskFeature::PreviousFailures)];
    const double planning = x[int(RiskFeature::PlanningDuration)];
    const double logit = -4.6 + 2.2 * (tests < 70 ? 1 : 0) * (changes > 400 ? 1.4 : 0.7) + 1.1 * (review < 0.65 ? 1 : 0)
        + 0.5 * (complexity - 1) * (review < 0.8 ? 1.0 : 0.4) + 0.8 * (hour < 7 || hour > 19 ? 1 : 0)
        + 0.6 * std::log1p(changes / 300.0) + 0.12 * std::min(failures, 8.0)
        + 0.6 * (dow >= 4 ? 1 : 0) * (planning < 7200 ? 1 : 0);
    return 1.0 / (1.0 + std::exp(-logit));
}

std::vector<CycleSample> synthesize(int n, quint64 seed, std::vector<double> &truth)
{
    Rng rng(seed);
    std::vector<CycleSample> out(n);
    truth.resize(n);
    for (int i = 0; i < n; ++i) {
        FeatureVector &x = out[i].raw;
        const int tests = rng.integer(2, 5);
        const double quality = rng.uniform(0.55, 1.0);
        int passed = 0;
        for (int t = 0; t < tests; ++t)
            passed += rng.uniform() < quality;
        x[int(RiskFeature::LeadTime)] = std::round(rng.logNormal(20 * 3600.0, 0.7));
        x[int(RiskFeature::TestsPassedPct)] = 100.0 * passed / tests;
        x[int(RiskFeature::CodeChangesSize)] = std::round(std::clamp(rng.logNormal(220, 0.9), 5.0, 5000.0));
        x[int(RiskFeature::TimeOfDay)] = rng.uniform() < 0.75 ? rng.integer(8, 17) : rng.integer(0, 23);
        x[int(RiskFeature::DayOfWeek)] = rng.uniform() < 0.85 ? rng.integer(0, 4) : rng.integer(5, 6);
        x[int(RiskFeature::PreviousFailures)] = std::floor(rng.logNormal(2.0, 0.9));
        x[int(RiskFeature::TeamVelocity)] = rng.integer(2, 60);
        x[int(RiskFeature::PlanningDuration)] = std::round(rng.logNormal(6 * 3600.0, 0.8));
        x[int(RiskFeature::FeatureComplexityScore)] = rng.integer(1, 4);
        x[int(RiskFeature::CodeReviewScore)] = std::round(rng.uniform(0.45, 1.0) * 100) / 100;
        truth[i] = truthProbability(x);
        out[i].failed = rng.uniform() < truth[i];
        out[i].cycleId = QString::number(i);
    }
    return out;
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * v.size()));
    return v[std::max<std::size_t>(rank, 1) - 1];
}

// Raw features, label and split as bench/risk_processes.py writes them; "train" rows get
// increasing deployment times in file order (the time split's order).
int fromCsv(const QString &path, const TrainingOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QTextStream(stderr) << "error: cannot read " << path << '\n';
        return 1;
    }
    QTextStream in(&f);
    const QStringList header = in.readLine().split(',');
    std::vector<int> column(kRiskFeatureCount);
    for (int i = 0; i < kRiskFeatureCount; ++i)
        column[i] = static_cast<int>(header.indexOf(riskFeatureName(i)));
    const auto labelColumn = header.indexOf(QStringLiteral("label"));
    const auto splitColumn = header.indexOf(QStringLiteral("split"));
    std::vector<CycleSample> train;
    std::vector<FeatureVector> heldOut;
    std::vector<bool> heldOutLabels;
    const QDateTime start(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(',');
        if (cells.size() != header.size())
            continue;
        CycleSample s;
        for (int i = 0; i < kRiskFeatureCount; ++i)
            s.raw[i] = cells[column[i]].toDouble();
        s.failed = cells[labelColumn] == QLatin1String("1");
        if (cells[splitColumn] == QLatin1String("train")) {
            s.deployedAt = start.addSecs(3600LL * static_cast<qint64>(train.size()));
            train.push_back(s);
        } else {
            heldOut.push_back(normalizeFeatures(s.raw));
            heldOutLabels.push_back(s.failed);
        }
    }
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    auto model = trainRiskModel(train, options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!model) {
        QTextStream(stderr) << "error: " << model.error().message << '\n';
        return 1;
    }
    std::vector<double> scores;
    for (const FeatureVector &x : heldOut)
        scores.push_back(model->riskScore(x));
    const QJsonObject result{
        {"file", QFileInfo(path).fileName()},
        {"cycles", static_cast<int>(train.size())},
        {"roc_auc", rocAuc(scores, heldOutLabels).value_or(-1)},
        {"cv_roc_auc", model->metrics.rocAuc.value_or(-1)},
        {"train_seconds", seconds},
        {"train_cpu_seconds", processCpuSeconds() - cpuBefore},
        {"settings", model->settings.toJson()},
        {"settings_search", model->searchJson()},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"cycles", "Synthetic cycles (default 10000).", "n", "10000"});
    parser.addOption({"csv", "Write normalised features, label, split and truth for the sklearn script.", "file"});
    parser.addOption({"min-leaf", "min_samples_per_leaf (default: automatic).", "n", "0"});
    parser.addOption({"feature-fraction", "Feature subsampling fraction (default 1/3).", "f", "0.3333333333333333"});
    parser.addOption({"explanations", "Shapley explanations to time (default 200).", "n", "200"});
    parser.addOption({"from-csv", "Train on the train rows of a bench/risk_processes.py file.", "file"});
    parser.addOption({"no-search", "Use the given (or automatic) settings instead of searching."});
    parser.process(app);
    const int n = parser.value("cycles").toInt();
    const bool search = !parser.isSet("no-search") && !parser.isSet("min-leaf") && !parser.isSet("feature-fraction");
    if (parser.isSet("from-csv")) {
        TrainingOptions options;
        options.searchSettings = search;
        return fromCsv(parser.value("from-csv"), options);
    }

    std::vector<double> truth;
    const std::vector<CycleSample> samples = synthesize(n, 42, truth);
    std::vector<bool> labels(n);
    for (int i = 0; i < n; ++i)
        labels[i] = samples[i].failed;

    TrainingOptions options;
    options.searchSettings = search;
    options.forest.minSamplesPerLeaf = parser.value("min-leaf").toInt();
    options.forest.featureFraction = parser.value("feature-fraction").toDouble();
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = processCpuSeconds();
    auto model = trainRiskModel(samples, options);
    const double trainSeconds = timer.nsecsElapsed() / 1e9;
    const double trainCpuSeconds = processCpuSeconds() - cpuBefore;
    if (!model) {
        QTextStream(stderr) << "error: " << model.error().message << '\n';
        return 1;
    }

    // The same split the trainer used: truth AUC on it, and the rows for sklearn.
    const Split split = stratifiedSplit(labels, options.forest.seed);
    std::vector<double> truthVal;
    std::vector<bool> yVal;
    std::vector<FeatureVector> xVal;
    for (int i : split.validation) {
        truthVal.push_back(truth[i]);
        yVal.push_back(labels[i]);
        xVal.push_back(normalizeFeatures(samples[i].raw));
    }
    if (parser.isSet("csv")) {
        QFile f(parser.value("csv"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 1;
        QTextStream out(&f);
        out << riskFeatureNames().join(',') << ",label,split,truth\n";
        std::vector<char> isVal(n, 0);
        for (int i : split.validation)
            isVal[i] = 1;
        for (int i = 0; i < n; ++i) {
            const FeatureVector x = normalizeFeatures(samples[i].raw);
            for (double v : x)
                out << QString::number(v, 'g', 17) << ',';
            out << (labels[i] ? 1 : 0) << ',' << (isVal[i] ? "val" : "train") << ','
                << QString::number(truth[i], 'g', 17) << '\n';
        }
    }

    // predict(): one row at a time, as a pipeline gate calls it.
    std::vector<double> predictUs, predictCpuUs;
    volatile double sink = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(xVal.size(), 20000); ++i) {
        const double cpu = bench::threadCpuUs();
        timer.restart();
        sink = sink + model->riskScore(xVal[i]);
        predictUs.push_back(timer.nsecsElapsed() / 1e3);
        predictCpuUs.push_back(bench::threadCpuUs() - cpu);
    }
    std::vector<double> shapMs, shapCpuMs;
    const int explanations = std::min<int>(parser.value("explanations").toInt(), static_cast<int>(xVal.size()));
    double worstAdditivity = 0;
    for (int i = 0; i < explanations; ++i) {
        const double cpu = bench::threadCpuUs();
        timer.restart();
        const Contributions phi = model->forest.shapley(xVal[i], model->background);
        shapMs.push_back(timer.nsecsElapsed() / 1e6);
        shapCpuMs.push_back((bench::threadCpuUs() - cpu) / 1e3);
        double sum = model->baseValue;
        for (double c : phi)
            sum += c;
        worstAdditivity = std::max(worstAdditivity, std::abs(sum - model->riskScore(xVal[i])));
    }
    const QByteArray serialized = serializeForest(model->forest);
    const RiskMetrics &m = model->metrics;
    const QJsonObject result{
        {"cycles", n},
        {"failure_rate", m.failureRate},
        {"truth_auc_validation", rocAuc(truthVal, yVal).value_or(-1)},
        {"train_seconds", trainSeconds},
        {"train_cpu_seconds", trainCpuSeconds},
        {"cores", QThread::idealThreadCount()},
        {"min_samples_per_leaf", model->settings.minSamplesPerLeaf},
        {"feature_fraction", model->settings.featureFraction},
        {"trees", static_cast<int>(model->forest.trees.size())},
        {"leaves", static_cast<qint64>(model->forest.leafCount())},
        {"model_mb", serialized.size() / 1048576.0},
        {"validation_samples", m.validationSamples},
        {"roc_auc", m.rocAuc.value_or(-1)},
        {"f1_at_0_5", m.f1.value_or(-1)},
        {"precision", m.precision.value_or(-1)},
        {"recall", m.recall.value_or(-1)},
        {"accuracy", m.accuracy.value_or(-1)},
        {"brier_failure_probability", m.brier.value_or(-1)},
        {"predict_us_p50", percentile(predictUs, 50)},
        {"predict_us_p99", percentile(predictUs, 99)},
        {"predict_cpu_us_p50", percentile(predictCpuUs, 50)},
        {"predict_cpu_us_p99", percentile(predictCpuUs, 99)},
        {"shapley_cpu_ms_p50", percentile(shapCpuMs, 50)},
        {"shapley_cpu_ms_p99", percentile(shapCpuMs, 99)},
        {"shapley_ms_p50", percentile(shapMs, 50)},
        {"shapley_ms_p99", percentile(shapMs, 99)},
        {"shapley_background_rows", static_cast<int>(model->background.size())},
        {"shapley_max_additivity_error", worstAdditivity},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

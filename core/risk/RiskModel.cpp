#include "core/risk/RiskModel.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>

namespace atalaya {
namespace {

std::optional<double> optionalOf(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

}  // namespace

QString resamplingName(Resampling r)
{
    return r == Resampling::UndersampleSuccesses ? QStringLiteral("undersample_successes")
                                                 : QStringLiteral("oversample_failures");
}

QJsonObject ForestSettings::toJson() const
{
    return {{QStringLiteral("trees"), trees},
            {QStringLiteral("trees_per_chunk"), treesPerChunk},
            {QStringLiteral("feature_subsampling_fraction"), featureFraction},
            {QStringLiteral("min_samples_per_leaf"), minSamplesPerLeaf},
            {QStringLiteral("resampling"), resamplingName(resampling)},
            {QStringLiteral("seed"), static_cast<qint64>(seed)}};
}

ForestSettings ForestSettings::fromJson(const QJsonObject &o)
{
    ForestSettings s;
    s.trees = o.value(QStringLiteral("trees")).toInt(s.trees);
    s.treesPerChunk = o.value(QStringLiteral("trees_per_chunk")).toInt(s.treesPerChunk);
    s.featureFraction = o.value(QStringLiteral("feature_subsampling_fraction")).toDouble(s.featureFraction);
    s.minSamplesPerLeaf = o.value(QStringLiteral("min_samples_per_leaf")).toInt(s.minSamplesPerLeaf);
    if (o.value(QStringLiteral("resampling")).toString() == resamplingName(Resampling::UndersampleSuccesses))
        s.resampling = Resampling::UndersampleSuccesses;
    s.seed = static_cast<quint64>(o.value(QStringLiteral("seed")).toInteger(42));
    return s;
}

QJsonObject RiskMetrics::toJson() const
{
    QJsonArray bins;
    for (const ReliabilityBin &b : reliability)
        bins.append(QJsonObject{{QStringLiteral("lower"), b.lower},
                                {QStringLiteral("upper"), b.upper},
                                {QStringLiteral("count"), b.count},
                                {QStringLiteral("mean_predicted"), jsonOrNull(b.meanPredicted)},
                                {QStringLiteral("observed_rate"), jsonOrNull(b.observedRate)}});
    return {{QStringLiteral("training_samples"), trainingSamples},
            {QStringLiteral("validation_samples"), validationSamples},
            {QStringLiteral("accuracy"), jsonOrNull(accuracy)},
            {QStringLiteral("precision"), jsonOrNull(precision)},
            {QStringLiteral("recall"), jsonOrNull(recall)},
            {QStringLiteral("f1_score"), jsonOrNull(f1)},
            {QStringLiteral("roc_auc"), jsonOrNull(rocAuc)},
            {QStringLiteral("brier_score"), jsonOrNull(brier)},
            {QStringLiteral("failure_rate"), failureRate},
            {QStringLiteral("confusion_matrix"),
             QJsonObject{{QStringLiteral("tp"), tp},
                         {QStringLiteral("fp"), fp},
                         {QStringLiteral("tn"), tn},
                         {QStringLiteral("fn"), fn}}},
            {QStringLiteral("reliability"), bins}};
}

RiskMetrics RiskMetrics::fromJson(const QJsonObject &o)
{
    RiskMetrics m;
    m.trainingSamples = o.value(QStringLiteral("training_samples")).toInt();
    m.validationSamples = o.value(QStringLiteral("validation_samples")).toInt();
    m.accuracy = optionalOf(o.value(QStringLiteral("accuracy")));
    m.precision = optionalOf(o.value(QStringLiteral("precision")));
    m.recall = optionalOf(o.value(QStringLiteral("recall")));
    m.f1 = optionalOf(o.value(QStringLiteral("f1_score")));
    m.rocAuc = optionalOf(o.value(QStringLiteral("roc_auc")));
    m.brier = optionalOf(o.value(QStringLiteral("brier_score")));
    m.failureRate = o.value(QStringLiteral("failure_rate")).toDouble();
    const QJsonObject cm = o.value(QStringLiteral("confusion_matrix")).toObject();
    m.tp = cm.value(QStringLiteral("tp")).toInt();
    m.fp = cm.value(QStringLiteral("fp")).toInt();
    m.tn = cm.value(QStringLiteral("tn")).toInt();
    m.fn = cm.value(QStringLiteral("fn")).toInt();
    for (const QJsonValue &v : o.value(QStringLiteral("reliability")).toArray()) {
        const QJsonObject b = v.toObject();
        m.reliability.push_back({b.value(QStringLiteral("lower")).toDouble(),
                                 b.value(QStringLiteral("upper")).toDouble(), b.value(QStringLiteral("count")).toInt(),
                                 optionalOf(b.value(QStringLiteral("mean_predicted"))),
                                 optionalOf(b.value(QStringLiteral("observed_rate")))});
    }
    return m;
}

std::vector<ValidationCheck> validationChecks(const RiskMetrics &m)
{
    auto check = [](const char *name, std::optional<double> value, double threshold) {
        return ValidationCheck{QString::fromLatin1(name), value, threshold, value && *value >= threshold};
    };
    return {check("accuracy", m.accuracy, 0.70), check("f1_score", m.f1, 0.60),
            check("training_samples", static_cast<double>(m.trainingSamples), 50)};
}

bool allPassed(const std::vector<ValidationCheck> &checks)
{
    return std::all_of(checks.begin(), checks.end(), [](const ValidationCheck &c) { return c.passed; });
}

double RiskModel::failureProbability(double score) const
{
    return calibration.probability(score, metrics.failureRate);
}

QJsonObject RiskModel::cvJson() const
{
    QJsonObject cv = metrics.toJson();
    cv.insert(QStringLiteral("method"), QStringLiteral("stratified k-fold, out-of-fold predictions"));
    cv.insert(QStringLiteral("folds"), cvFolds);
    cv.insert(QStringLiteral("trees_per_fold"), cvTrees);
    return cv;
}

QJsonObject SettingsSearch::toJson() const
{
    QJsonArray list;
    for (const SettingsCandidate &c : candidates) {
        QJsonObject o = c.settings.toJson();
        o.remove(QStringLiteral("trees_per_chunk"));
        o.remove(QStringLiteral("seed"));
        o.insert(QStringLiteral("cv_roc_auc"), jsonOrNull(c.cvAuc));
        o.insert(QStringLiteral("chosen"), c.chosen);
        list.append(o);
    }
    return {
        {QStringLiteral("method"), QStringLiteral("stratified k-fold ROC AUC per candidate, one setting at a time")},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("folds"), folds},
        {QStringLiteral("trees_per_fold"), treesPerFold},
        {QStringLiteral("cv_roc_auc_half_trees"), jsonOrNull(halfTreesAuc)},
        {QStringLiteral("candidates"), list}};
}

SettingsSearch SettingsSearch::fromJson(const QJsonObject &o)
{
    SettingsSearch s;
    s.rows = o.value(QStringLiteral("rows")).toInt();
    s.folds = o.value(QStringLiteral("folds")).toInt();
    s.treesPerFold = o.value(QStringLiteral("trees_per_fold")).toInt();
    s.halfTreesAuc = optionalOf(o.value(QStringLiteral("cv_roc_auc_half_trees")));
    for (const QJsonValue &v : o.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject c = v.toObject();
        s.candidates.push_back({ForestSettings::fromJson(c), optionalOf(c.value(QStringLiteral("cv_roc_auc"))),
                                c.value(QStringLiteral("chosen")).toBool()});
    }
    return s;
}

QJsonObject RiskModel::searchJson() const
{
    return search.empty() ? QJsonObject() : search.toJson();
}

QJsonObject RiskModel::timeSplitJson() const
{
    if (!timeSplit)
        return {};
    QJsonObject ts = timeSplit->toJson();
    ts.insert(QStringLiteral("method"), QStringLiteral("trained on the older 80 %, tested on the newest 20 %"));
    return ts;
}

int driftBin(double normalized)
{
    return std::clamp(static_cast<int>(std::floor(normalized * kDriftBins)), 0, kDriftBins - 1);
}

FeatureBins binFeatures(const std::vector<FeatureVector> &normalizedRows)
{
    FeatureBins bins{};
    for (const FeatureVector &row : normalizedRows)
        for (int f = 0; f < kRiskFeatureCount; ++f)
            ++bins[f][driftBin(row[f])];
    return bins;
}

FeatureBins RiskModel::trainingBinsOrBackground() const
{
    return trainingBins ? *trainingBins : binFeatures(background);
}

QJsonObject RiskModel::metadataJson() const
{
    QJsonArray bg;
    for (const FeatureVector &row : background) {
        QJsonArray r;
        for (double v : row)
            r.append(v);
        bg.append(r);
    }
    QJsonObject importanceJson;
    for (int i = 0; i < kRiskFeatureCount; ++i)
        importanceJson.insert(riskFeatureName(i), importance[i]);
    QJsonObject o{{QStringLiteral("format"), 1},
            {QStringLiteral("model_version"), version},
            {QStringLiteral("trained_at"), toIsoUtc(trainedAt)},
            {QStringLiteral("window_days"), windowDays},
            {QStringLiteral("model_type"),
             QStringLiteral("dlib::random_forest_regression_function<dense_feature_extractor>")},
            {QStringLiteral("hyperparameters"), settings.toJson()},
            {QStringLiteral("feature_names"), QJsonArray::fromStringList(riskFeatureNames())},
            {QStringLiteral("metrics"), metrics.toJson()},
            {QStringLiteral("cv"), cvJson()},
            {QStringLiteral("time_split"), timeSplitJson()},
            {QStringLiteral("settings_search"), searchJson()},
            {QStringLiteral("calibration"), calibration.toJson()},
            {QStringLiteral("feature_importance"), importanceJson},
            {QStringLiteral("base_value"), baseValue},
            {QStringLiteral("background"), bg}};
    if (trainingBins) {
        QJsonObject bins;
        for (int f = 0; f < kRiskFeatureCount; ++f) {
            QJsonArray counts;
            for (qint64 c : (*trainingBins)[f])
                counts.append(c);
            bins.insert(riskFeatureName(f), counts);
        }
        o.insert(QStringLiteral("training_bins"), bins);
    }
    return o;
}

std::optional<RiskModel> RiskModel::fromMetadata(const QJsonObject &o)
{
    if (o.value(QStringLiteral("format")).toInt() != 1
        || o.value(QStringLiteral("feature_names")).toArray() != QJsonArray::fromStringList(riskFeatureNames()))
        return std::nullopt;
    RiskModel m;
    m.version = o.value(QStringLiteral("model_version")).toString();
    m.trainedAt = parseIsoUtc(o.value(QStringLiteral("trained_at")).toString());
    m.windowDays = o.value(QStringLiteral("window_days")).toInt();
    m.settings = ForestSettings::fromJson(o.value(QStringLiteral("hyperparameters")).toObject());
    m.metrics = RiskMetrics::fromJson(o.value(QStringLiteral("metrics")).toObject());
    // π corrects every probability (docs/RISK_MODEL.md §Calibration): outside 0–1 they would be too.
    if (!(m.metrics.failureRate >= 0.0 && m.metrics.failureRate <= 1.0))
        return std::nullopt;
    const QJsonObject cv = o.value(QStringLiteral("cv")).toObject();
    m.cvFolds = cv.value(QStringLiteral("folds")).toInt();
    m.cvTrees = cv.value(QStringLiteral("trees_per_fold")).toInt();
    const QJsonObject ts = o.value(QStringLiteral("time_split")).toObject();
    if (ts.contains(QStringLiteral("roc_auc")))
        m.timeSplit = RiskMetrics::fromJson(ts);
    m.calibration = Calibration::fromJson(o.value(QStringLiteral("calibration")).toObject());
    m.search = SettingsSearch::fromJson(o.value(QStringLiteral("settings_search")).toObject());
    const QJsonObject imp = o.value(QStringLiteral("feature_importance")).toObject();
    for (int i = 0; i < kRiskFeatureCount; ++i)
        m.importance[i] = imp.value(riskFeatureName(i)).toDouble();
    for (const QJsonValue &v : o.value(QStringLiteral("background")).toArray()) {
        const QJsonArray r = v.toArray();
        if (r.size() != kRiskFeatureCount)
            return std::nullopt;
        FeatureVector row{};
        for (int i = 0; i < kRiskFeatureCount; ++i)
            row[i] = r.at(i).toDouble();
        m.background.push_back(row);
    }
    if (m.background.empty())
        return std::nullopt;
    m.baseValue = o.value(QStringLiteral("base_value")).toDouble();
    if (o.contains(QStringLiteral("training_bins"))) {
        const QJsonObject bins = o.value(QStringLiteral("training_bins")).toObject();
        FeatureBins b{};
        for (int f = 0; f < kRiskFeatureCount; ++f) {
            const QJsonArray counts = bins.value(riskFeatureName(f)).toArray();
            if (counts.size() != kDriftBins)
                return std::nullopt;
            for (int i = 0; i < kDriftBins; ++i)
                b[f][i] = counts.at(i).toInteger();
        }
        m.trainingBins = b;
    }
    return m;
}

}  // namespace atalaya

#include "core/risk/RiskService.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskModelStore.h"

#include <QJsonArray>

#include <cmath>

namespace atalaya {

RiskService::RiskService(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<TrainOutcome> RiskService::train(const TrainRequest &request, const TrainingMonitor &monitor) const
{
    TrainingOptions options = request.options;
    options.windowDays = request.days;
    if (!options.now.isValid())
        options.now = QDateTime::currentDateTimeUtc();
    if (monitor.progress)
        monitor.progress(0, 1, QStringLiteral("reading"));
    auto history = RiskDataSource(m_db).history(options.now.addDays(-request.days));
    if (!history)
        return history.error();
    auto model = trainRiskModel(history->samples, options, monitor);
    if (!model)
        return model.error();
    TrainOutcome out;
    out.model = std::move(*model);
    out.checks = validationChecks(out.model.metrics);
    out.skippedCycles = history->skipped;
    out.problems = history->problems;
    if (request.dryRun)
        return out;
    const bool activate = allPassed(out.checks) || request.activateAnyway;
    auto version = RiskModelStore(m_db).save(out.model, activate);
    if (!version)
        return version.error();
    out.model.version = *version;
    out.model.active = activate;
    out.stored = true;
    out.activated = activate;
    return out;
}

DecisionInput riskCheckDecision(const RiskPrediction &p, const RiskModel &model, const QString &cycleId,
                                std::optional<double> failAbove, double elapsedMs, const QString &source)
{
    DecisionInput d;
    d.agentId = QStringLiteral("deployment-risk-predictor");
    d.taskType = QStringLiteral("deployment_risk");
    d.decision = decisionJson(p, failAbove);
    d.confidence = p.confidence;
    d.executionTimeMs = static_cast<qint64>(std::ceil(elapsedMs));
    QJsonObject meta{
        {QStringLiteral("model_version"), model.version},
        {QStringLiteral("model_type"), QStringLiteral("dlib random forest (regression on the 0/1 label)")},
        {QStringLiteral("training_date"), toIsoUtc(model.trainedAt)},
        {QStringLiteral("features_used"), kRiskFeatureCount},
        {QStringLiteral("features"), rawFeaturesToJson(p.raw)},
        {QStringLiteral("failure_probability"), p.failureProbability},
        {QStringLiteral("base_value"), p.baseValue},
        {QStringLiteral("feature_importance"), importanceJson(model).value(QStringLiteral("feature_importance"))},
        {QStringLiteral("source"), source}};
    if (!cycleId.isEmpty())
        meta.insert(QStringLiteral("cycle_id"), cycleId);
    if (failAbove)
        meta.insert(QStringLiteral("fail_above"), *failAbove);
    d.metadata = meta;
    return d;
}

QJsonObject checksJson(const std::vector<ValidationCheck> &checks)
{
    QJsonArray list;
    for (const ValidationCheck &c : checks)
        list.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("value"), jsonOrNull(c.value)},
                                {QStringLiteral("threshold"), c.threshold},
                                {QStringLiteral("passed"), c.passed}});
    return {{QStringLiteral("validation_checks"), list}};
}

QJsonObject importanceJson(const RiskModel &model)
{
    QJsonObject map;
    std::vector<int> order(kRiskFeatureCount);
    for (int i = 0; i < kRiskFeatureCount; ++i) {
        map.insert(riskFeatureName(i), model.importance[i]);
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return model.importance[a] > model.importance[b]; });
    QJsonArray top;
    for (int i = 0; i < 5; ++i)
        top.append(QJsonObject{{QStringLiteral("feature"), riskFeatureName(order[i])},
                               {QStringLiteral("importance"), model.importance[order[i]]}});
    return {{QStringLiteral("model_version"), model.version},
            {QStringLiteral("feature_importance"), map},
            {QStringLiteral("top_features"), top},
            {QStringLiteral("method"),
             QStringLiteral("permutation (ROC AUC drop on the first CV fold's held-out rows, normalised to 1)")}};
}

QJsonObject modelStatsJson(const RiskModel &model)
{
    QJsonObject stats = model.metrics.toJson();
    stats.insert(QStringLiteral("trained_at"), toIsoUtc(model.trainedAt));
    stats.insert(QStringLiteral("feature_names"), QJsonArray::fromStringList(riskFeatureNames()));
    stats.insert(QStringLiteral("window_days"), model.windowDays);
    stats.insert(QStringLiteral("hyperparameters"), model.settings.toJson());
    stats.insert(QStringLiteral("trees"), static_cast<int>(model.forest.trees.size()));
    stats.insert(QStringLiteral("leaves"), static_cast<qint64>(model.forest.leafCount()));
    stats.insert(QStringLiteral("base_value"), model.baseValue);
    stats.insert(QStringLiteral("cv"), model.cvJson());
    stats.insert(QStringLiteral("time_split"), model.timeSplit ? QJsonValue(model.timeSplitJson()) : QJsonValue());
    stats.insert(QStringLiteral("settings_search"),
                 model.search.empty() ? QJsonValue() : QJsonValue(model.searchJson()));
    stats.insert(QStringLiteral("calibration"), model.calibration.toJson());
    stats.insert(QStringLiteral("validation_checks"),
                 checksJson(validationChecks(model.metrics)).value(QStringLiteral("validation_checks")));
    return {{QStringLiteral("model_version"), model.version},
            {QStringLiteral("active"), model.active},
            {QStringLiteral("statistics"), stats}};
}

QJsonObject trainOutcomeJson(const TrainOutcome &o)
{
    QJsonObject metrics = o.model.metrics.toJson();
    metrics.insert(QStringLiteral("feature_importance"),
                   importanceJson(o.model).value(QStringLiteral("feature_importance")));
    QJsonObject out{
        {QStringLiteral("success"), true},
        {QStringLiteral("model_version"), o.stored ? QJsonValue(o.model.version) : QJsonValue()},
        {QStringLiteral("trained_at"), toIsoUtc(o.model.trainedAt)},
        {QStringLiteral("training_metrics"), metrics},
        {QStringLiteral("validation_checks"), checksJson(o.checks).value(QStringLiteral("validation_checks"))},
        {QStringLiteral("stored"), o.stored},
        {QStringLiteral("activated"), o.activated},
        {QStringLiteral("window_days"), o.model.windowDays},
        {QStringLiteral("hyperparameters"), o.model.settings.toJson()},
        {QStringLiteral("skipped_cycles"), o.skippedCycles},
        {QStringLiteral("cv"), o.model.cvJson()},
        {QStringLiteral("time_split"), o.model.timeSplit ? QJsonValue(o.model.timeSplitJson()) : QJsonValue()},
        {QStringLiteral("settings_search"), o.model.search.empty() ? QJsonValue() : QJsonValue(o.model.searchJson())},
        {QStringLiteral("calibration"), o.model.calibration.toJson()}};
    if (!o.problems.isEmpty())
        out.insert(QStringLiteral("skipped_examples"), QJsonArray::fromStringList(o.problems));
    return out;
}

}  // namespace atalaya

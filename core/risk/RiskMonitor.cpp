#include "core/risk/RiskMonitor.h"

#include "core/common/JsonUtil.h"
#include "core/common/TimeUtil.h"
#include "core/risk/RiskDataSource.h"
#include "core/risk/RiskEvaluation.h"
#include "core/risk/RiskModelStore.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace atalaya {
namespace {

struct RecordedPrediction {
    QString cycleId;
    double riskScore = 0.0;
    double failureProbability = 0.0;
    QDateTime at;
};

// Linear interpolation between order statistics (R's type 7) of sorted values.
double quantile(const std::vector<double> &sorted, double q)
{
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

QDate periodStart(const QDate &day, bool weekly)
{
    return weekly ? day.addDays(1 - day.dayOfWeek()) : day;
}

std::vector<ScorePeriod> scorePeriods(const std::vector<RecordedPrediction> &predictions, bool weekly)
{
    std::map<QDate, std::vector<double>> byPeriod;
    for (const RecordedPrediction &p : predictions)
        byPeriod[periodStart(p.at.date(), weekly)].push_back(p.riskScore);
    std::vector<ScorePeriod> out;
    for (auto &[start, scores] : byPeriod) {
        std::sort(scores.begin(), scores.end());
        ScorePeriod s;
        s.start = start;
        s.n = static_cast<qint64>(scores.size());
        s.p10 = quantile(scores, 0.10);
        s.p50 = quantile(scores, 0.50);
        s.p90 = quantile(scores, 0.90);
        double sum = 0.0;
        for (double v : scores)
            sum += v;
        s.mean = sum / static_cast<double>(scores.size());
        out.push_back(s);
    }
    return out;
}

Result<std::vector<RecordedPrediction>> readPredictions(const Database &db, const QDateTime &from)
{
    auto q = execQuery(db,
                       QStringLiteral("SELECT decision_made, metadata, created_at FROM ai_telemetry"
                                      " WHERE agent_id = ? AND task_type = ? AND created_at >= ? ORDER BY created_at, id"),
                       {QStringLiteral("deployment-risk-predictor"), QStringLiteral("deployment_risk"), toDbDateTime(from)},
                       QStringLiteral("reading recorded risk predictions"));
    if (!q)
        return q.error();
    std::vector<RecordedPrediction> out;
    while (q->next()) {
        const QJsonObject decision = QJsonDocument::fromJson(q->value(0).toByteArray()).object();
        const QJsonObject meta = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
        // Rows another writer shaped differently are no prediction of this model family.
        if (!decision.value(QStringLiteral("risk_score")).isDouble()
            || !meta.value(QStringLiteral("failure_probability")).isDouble())
            continue;
        out.push_back({meta.value(QStringLiteral("cycle_id")).toString(),
                       decision.value(QStringLiteral("risk_score")).toDouble(),
                       meta.value(QStringLiteral("failure_probability")).toDouble(), fromDbDateTime(q->value(2))});
    }
    return out;
}

}  // namespace

double autocorrelationTime(const std::vector<double> &series)
{
    const auto n = static_cast<int>(series.size());
    if (n < 4)
        return 1.0;
    double mean = 0.0;
    for (double v : series)
        mean += v;
    mean /= n;
    double c0 = 0.0;
    for (double v : series)
        c0 += (v - mean) * (v - mean);
    if (c0 <= 0.0)
        return 1.0;
    // Sokal's automatic window: the smallest lag M with M ≥ 5 τ(M), at most n / 2.
    double tau = 1.0;
    for (int lag = 1; lag <= n / 2; ++lag) {
        double c = 0.0;
        for (int i = 0; i + lag < n; ++i)
            c += (series[i] - mean) * (series[i + lag] - mean);
        tau += 2.0 * c / c0;
        if (lag >= 5.0 * tau)
            break;
    }
    return std::max(1.0, tau);
}

double binnedPsi(const DriftCounts &expected, const DriftCounts &actual)
{
    qint64 ne = 0, na = 0;
    for (int i = 0; i < kDriftBins; ++i) {
        ne += expected[i];
        na += actual[i];
    }
    if (ne == 0 || na == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < kDriftBins; ++i) {
        const double pe = std::max(static_cast<double>(expected[i]) / static_cast<double>(ne), kPsiShareFloor);
        const double pa = std::max(static_cast<double>(actual[i]) / static_cast<double>(na), kPsiShareFloor);
        sum += (pa - pe) * std::log(pa / pe);
    }
    return sum;
}

std::vector<FeatureDrift> featureDrift(const FeatureBins &training, const std::vector<FeatureVector> &recentNormalized)
{
    if (recentNormalized.empty())
        return {};
    const FeatureBins recent = binFeatures(recentNormalized);
    std::vector<FeatureDrift> out;
    for (int f = 0; f < kRiskFeatureCount; ++f) {
        FeatureDrift d;
        d.feature = f;
        d.psi = binnedPsi(training[f], recent[f]);
        d.training = training[f];
        d.recent = recent[f];
        for (int i = 0; i < kDriftBins; ++i) {
            d.nTraining += training[f][i];
            d.nRecent += recent[f][i];
        }
        std::vector<double> series;
        series.reserve(recentNormalized.size());
        for (const FeatureVector &row : recentNormalized)
            series.push_back(row[static_cast<std::size_t>(f)]);
        d.autocorrelationTime = autocorrelationTime(series);
        out.push_back(d);
    }
    return out;
}

PredictionAccuracy predictionAccuracy(const std::vector<double> &riskScores,
                                      const std::vector<double> &failureProbabilities, const std::vector<bool> &failed)
{
    PredictionAccuracy a;
    a.n = static_cast<qint64>(failed.size());
    if (a.n == 0)
        return a;
    double brier = 0.0;
    qint64 correct = 0;
    for (std::size_t i = 0; i < failed.size(); ++i) {
        const double y = failed[i] ? 1.0 : 0.0;
        brier += (failureProbabilities[i] - y) * (failureProbabilities[i] - y);
        if ((riskScores[i] > 0.5) == failed[i])
            ++correct;
        if (failed[i])
            ++a.failures;
    }
    a.brier = brier / static_cast<double>(a.n);
    a.accuracy = static_cast<double>(correct) / static_cast<double>(a.n);
    a.rocAuc = rocAuc(riskScores, failed);
    return a;
}

RiskMonitor::RiskMonitor(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<RiskMonitorReport> RiskMonitor::run(const RiskMonitorOptions &options) const
{
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    auto model = RiskModelStore(m_db).loadActive();
    if (!model)
        return model.error();
    RiskMonitorReport r;
    r.version = model->version;
    r.trainedAt = model->trainedAt;
    r.validation = model->metrics;
    r.days = options.days;
    // A trained_at ahead of this clock (another machine's clock, or a test's) is a model of today.
    r.ageDays = std::max(0.0, static_cast<double>(model->trainedAt.secsTo(now)) / 86400.0);
    r.stale = r.ageDays >= kStaleModelDays;

    const QDateTime from = now.addDays(-options.days);
    RiskDataSource source(m_db);
    auto history = source.history(from);
    if (!history)
        return history.error();
    std::vector<FeatureVector> recent;
    for (const CycleSample &s : history->samples)
        if (s.deployedAt <= now && s.fullWindow)
            recent.push_back(normalizeFeatures(s.raw));
    r.recentCycles = static_cast<qint64>(recent.size());
    r.drift = featureDrift(model->trainingBinsOrBackground(), recent);

    auto predictions = readPredictions(*m_db, from);
    if (!predictions)
        return predictions.error();
    r.scores = scorePeriods(*predictions, options.weekly);

    auto pending = source.pendingCycles();
    if (!pending)
        return pending.error();
    const std::set<QString> waiting(pending->begin(), pending->end());
    std::map<QString, RecordedPrediction> latest;
    for (const RecordedPrediction &p : *predictions)
        if (!p.cycleId.isEmpty() && !waiting.count(p.cycleId))
            latest[p.cycleId] = p;  // read oldest first: the last one wins
    std::vector<double> scores, probabilities;
    std::vector<bool> failed;
    for (const auto &[cycleId, p] : latest) {
        auto cycle = source.cycle(cycleId);
        if (!cycle) {
            if (cycle.error().code == ErrorCode::NotFound || cycle.error().code == ErrorCode::Usage)
                continue;  // the cycle's rows were removed or are unreadable: no outcome to judge
            return cycle.error();
        }
        scores.push_back(p.riskScore);
        probabilities.push_back(p.failureProbability);
        failed.push_back(cycle->failed);
    }
    r.accuracy = predictionAccuracy(scores, probabilities, failed);
    return r;
}

QJsonObject riskMonitorJson(const RiskMonitorReport &r)
{
    QJsonArray drift;
    for (const FeatureDrift &d : r.drift)
        drift.append(QJsonObject{{QStringLiteral("feature"), riskFeatureName(d.feature)},
                                 {QStringLiteral("psi"), roundTo(d.psi, 4)},
                                 {QStringLiteral("n_training"), d.nTraining},
                                 {QStringLiteral("n_recent"), d.nRecent},
                                 {QStringLiteral("autocorrelation_time"), roundTo(d.autocorrelationTime, 2)},
                                 {QStringLiteral("drifted"), d.psi >= kDriftPsi}});
    QJsonArray scores;
    for (const ScorePeriod &s : r.scores)
        scores.append(QJsonObject{{QStringLiteral("start"), s.start.toString(Qt::ISODate)},
                                  {QStringLiteral("n"), s.n},
                                  {QStringLiteral("p10"), roundTo(s.p10, 4)},
                                  {QStringLiteral("p50"), roundTo(s.p50, 4)},
                                  {QStringLiteral("p90"), roundTo(s.p90, 4)},
                                  {QStringLiteral("mean"), roundTo(s.mean, 4)}});
    const PredictionAccuracy &a = r.accuracy;
    auto rounded = [](const std::optional<double> &v) {
        return v ? QJsonValue(roundTo(*v, 4)) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("days"), r.days},
            {QStringLiteral("model_version"), r.version},
            {QStringLiteral("trained_at"), toIsoUtc(r.trainedAt)},
            {QStringLiteral("age_days"), roundTo(r.ageDays, 2)},
            {QStringLiteral("stale"), r.stale},
            {QStringLiteral("stale_after_days"), kStaleModelDays},
            {QStringLiteral("recent_cycles"), r.recentCycles},
            {QStringLiteral("feature_drift"), drift},
            {QStringLiteral("prediction_accuracy"),
             QJsonObject{{QStringLiteral("n"), a.n},
                         {QStringLiteral("failures"), a.failures},
                         {QStringLiteral("brier"), rounded(a.brier)},
                         {QStringLiteral("roc_auc"), rounded(a.rocAuc)},
                         {QStringLiteral("accuracy"), rounded(a.accuracy)},
                         {QStringLiteral("validation_accuracy"), rounded(r.validation.accuracy)},
                         {QStringLiteral("validation_brier"), rounded(r.validation.brier)}}},
            {QStringLiteral("score_distribution"), scores}};
}

}  // namespace atalaya

#include "stats/Calibration.h"

#include "common/TimeUtil.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

QJsonValue ratio(const std::optional<double> &v)
{
    return v ? QJsonValue(std::round(*v * 1e6) / 1e6) : QJsonValue();
}

} // namespace

CalibrationReport computeCalibration(const std::vector<ReviewedCell> &cells, int bins)
{
    bins = std::clamp(bins, 2, 100);
    CalibrationReport r;
    r.binCount = bins;
    std::vector<qint64> confidenceSum(static_cast<size_t>(bins), 0);
    std::vector<qint64> accuracySum(static_cast<size_t>(bins), 0);
    std::vector<qint64> counts(static_cast<size_t>(bins), 0);
    qint64 totalConfidence = 0;
    qint64 totalAccuracy = 0;
    for (const ReviewedCell &c : cells) {
        const auto bin = static_cast<size_t>(std::min<qint64>(qint64(c.confidenceE4) * bins / 10000, bins - 1));
        counts[bin] += c.count;
        confidenceSum[bin] += qint64(c.confidenceE4) * c.count;
        accuracySum[bin] += c.accuracySumE4;
        totalConfidence += qint64(c.confidenceE4) * c.count;
        totalAccuracy += c.accuracySumE4;
        r.reviewed += c.count;
    }
    double ece = 0.0;
    for (int b = 0; b < bins; ++b) {
        const auto i = static_cast<size_t>(b);
        CalibrationBin bin;
        bin.lo = static_cast<double>(b) / bins;
        bin.hi = static_cast<double>(b + 1) / bins;
        bin.count = counts[i];
        if (bin.count > 0) {
            const double n = static_cast<double>(bin.count);
            bin.meanConfidence = static_cast<double>(confidenceSum[i]) / 10000.0 / n;
            bin.meanAccuracy = static_cast<double>(accuracySum[i]) / 10000.0 / n;
            ece += n * std::abs(*bin.meanAccuracy - *bin.meanConfidence);
        }
        r.bins.push_back(bin);
    }
    if (r.reviewed > 0) {
        const double n = static_cast<double>(r.reviewed);
        r.ece = ece / n;
        r.meanConfidence = static_cast<double>(totalConfidence) / 10000.0 / n;
        r.meanAccuracy = static_cast<double>(totalAccuracy) / 10000.0 / n;
        if (*r.ece <= CalibrationReport::kCalibratedEce)
            r.verdict = CalibrationVerdict::Calibrated;
        else
            r.verdict = totalConfidence > totalAccuracy ? CalibrationVerdict::OverConfident
                                                        : CalibrationVerdict::UnderConfident;
    }
    return r;
}

QString calibrationVerdictKey(CalibrationVerdict verdict)
{
    switch (verdict) {
    case CalibrationVerdict::Calibrated: return QStringLiteral("calibrated");
    case CalibrationVerdict::OverConfident: return QStringLiteral("over_confident");
    case CalibrationVerdict::UnderConfident: return QStringLiteral("under_confident");
    }
    return {};
}

QJsonObject calibrationJson(const CalibrationReport &r, const StatsQuery &q)
{
    QJsonArray bins;
    for (const CalibrationBin &b : r.bins) {
        bins.append(QJsonObject{{QStringLiteral("lo"), b.lo},
                                {QStringLiteral("hi"), b.hi},
                                {QStringLiteral("count"), b.count},
                                {QStringLiteral("mean_confidence"), ratio(b.meanConfidence)},
                                {QStringLiteral("mean_accuracy"), ratio(b.meanAccuracy)}});
    }
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("period_days"), q.periodDays},
        {QStringLiteral("filters"), QJsonObject{{QStringLiteral("agent_id"), orNull(q.agentId)},
                                                {QStringLiteral("task_type"), orNull(q.taskType)}}},
        {QStringLiteral("bins_count"), r.binCount},
        {QStringLiteral("total_reviewed"), r.reviewed},
        {QStringLiteral("bins"), bins},
        {QStringLiteral("ece"), ratio(r.ece)},
        {QStringLiteral("mean_confidence"), ratio(r.meanConfidence)},
        {QStringLiteral("mean_accuracy"), ratio(r.meanAccuracy)},
        {QStringLiteral("calibrated_ece_threshold"), CalibrationReport::kCalibratedEce},
        {QStringLiteral("verdict"), r.verdict ? QJsonValue(calibrationVerdictKey(*r.verdict)) : QJsonValue()},
    };
}

} // namespace atalaya

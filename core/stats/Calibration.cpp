#include "core/stats/Calibration.h"

#include "core/common/TimeUtil.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace atalaya {
namespace {

QJsonValue ratio(const std::optional<double> &v)
{
    return v ? QJsonValue(std::round(*v * 1e6) / 1e6) : QJsonValue();
}

}  // namespace

namespace {

struct BinSums {
    std::vector<qint64> count;
    std::vector<qint64> confidence;
    std::vector<qint64> accuracy;
    explicit BinSums(int bins)
        : count(static_cast<size_t>(bins), 0), confidence(static_cast<size_t>(bins), 0),
          accuracy(static_cast<size_t>(bins), 0)
    {
    }
    void add(size_t bin, qint64 n, qint64 confidenceSumE4, qint64 accuracySumE4)
    {
        count[bin] += n;
        confidence[bin] += confidenceSumE4;
        accuracy[bin] += accuracySumE4;
    }
};

size_t binOf(qint64 confidenceE4, int bins)
{
    return static_cast<size_t>(std::min<qint64>(confidenceE4 * bins / 10000, bins - 1));
}

CalibrationReport report(const BinSums &sums, int bins)
{
    CalibrationReport r;
    r.binCount = bins;
    qint64 totalConfidence = 0;
    qint64 totalAccuracy = 0;
    double ece = 0.0;
    for (int b = 0; b < bins; ++b) {
        const auto i = static_cast<size_t>(b);
        CalibrationBin bin;
        bin.lo = static_cast<double>(b) / bins;
        bin.hi = static_cast<double>(b + 1) / bins;
        bin.count = sums.count[i];
        if (bin.count > 0) {
            const double n = static_cast<double>(bin.count);
            bin.meanConfidence = static_cast<double>(sums.confidence[i]) / 10000.0 / n;
            bin.meanAccuracy = static_cast<double>(sums.accuracy[i]) / 10000.0 / n;
            ece += n * std::abs(*bin.meanAccuracy - *bin.meanConfidence);
        }
        r.reviewed += bin.count;
        totalConfidence += sums.confidence[i];
        totalAccuracy += sums.accuracy[i];
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

}  // namespace

CalibrationReport computeCalibration(const std::vector<ReviewedCell> &cells, int bins)
{
    bins = std::clamp(bins, 2, 100);
    BinSums sums(bins);
    for (const ReviewedCell &c : cells)
        sums.add(binOf(c.confidenceE4, bins), c.count, qint64(c.confidenceE4) * c.count, c.accuracySumE4);
    return report(sums, bins);
}

bool percentsServe(int bins)
{
    return bins >= 2 && bins <= 100 && 100 % bins == 0;
}

CalibrationReport computeCalibration(const std::vector<ReviewedPercent> &percents, int bins)
{
    Q_ASSERT(percentsServe(bins));
    BinSums sums(bins);
    // With bins dividing 100, a percent lies inside one bin: the one of its first confidence.
    for (const ReviewedPercent &p : percents)
        sums.add(binOf(qint64(p.percent) * 100, bins), p.count, p.confidenceSumE4, p.accuracySumE4);
    return report(sums, bins);
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
        {QStringLiteral("filters"),
         QJsonObject{{QStringLiteral("agent_id"), orNull(q.agentId)},
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

}  // namespace atalaya

#include "core/forecast/ForecastModel.h"

namespace atalaya::forecast {
namespace {

constexpr qint64 kMsPerHour = 3600000;
// 1970-01-01 was a Thursday: Monday 00:00 is 72 hours before the epoch's hour 0 in the week.
constexpr qint64 kEpochHourOfWeek = 72;

}  // namespace

qint64 hourNumber(const QDateTime &t)
{
    const qint64 ms = t.toMSecsSinceEpoch();
    return ms >= 0 ? ms / kMsPerHour : -((-ms + kMsPerHour - 1) / kMsPerHour);
}

QDateTime hourStart(qint64 hour)
{
    return QDateTime::fromMSecsSinceEpoch(hour * kMsPerHour, Qt::UTC);
}

int hourOfWeek(qint64 hour)
{
    const qint64 h = (hour + kEpochHourOfWeek) % kHoursPerWeek;
    return static_cast<int>(h < 0 ? h + kHoursPerWeek : h);
}

std::optional<double> ForecastInputs::throughput() const
{
    if (verdicts <= 0 || activeReviewerHours <= 0)
        return std::nullopt;
    return double(verdicts) / double(activeReviewerHours);
}

double ForecastInputs::lateShare(Priority p) const
{
    const auto i = static_cast<size_t>(p);
    return dueSeen[i] >= kMinLateEvidence ? double(lateSeen[i]) / double(dueSeen[i]) : 0.0;
}

bool ForecastInputs::hasQueue() const
{
    for (size_t p = 0; p < arrivals.size(); ++p) {
        if (pendingNow[p] > 0)
            return true;
        for (double a : arrivals[p])
            if (a > 0.0)
                return true;
    }
    return false;
}

}  // namespace atalaya::forecast

#include "core/forecast/ForecastJson.h"

#include "core/common/TimeUtil.h"

#include <QJsonArray>

#include <cmath>

namespace atalaya::forecast {
namespace {

double rounded(double value, int decimals = 1)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

template <typename T, typename Fn> QJsonObject perPriority(const PerPriority<T> &values, Fn &&toJson)
{
    QJsonObject o;
    for (int p = 0; p < kPriorityCount; ++p)
        o.insert(priorityName(static_cast<Priority>(p)), toJson(values[static_cast<size_t>(p)]));
    return o;
}

QJsonObject counts(const PerPriority<double> &values)
{
    return perPriority(values, [](double v) { return QJsonValue(rounded(v)); });
}

QJsonObject backlogNow(const ForecastInputs &in)
{
    QJsonObject o;
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto i = static_cast<size_t>(p);
        QJsonObject b{{QStringLiteral("pending"), in.pendingNow[i]}, {QStringLiteral("overdue"), in.overdueNow[i]}};
        const auto &oldest = in.oldestPending[i];
        b.insert(QStringLiteral("oldest_age_hours"),
                 oldest ? QJsonValue(rounded(double(oldest->msecsTo(in.now)) / 3600000.0)) : QJsonValue());
        o.insert(priorityName(static_cast<Priority>(p)), b);
    }
    return o;
}

QJsonObject lateness(const ForecastInputs &in)
{
    QJsonObject o;
    for (int p = 0; p < kPriorityCount; ++p) {
        const auto i = static_cast<size_t>(p);
        if (in.slaHours[i] <= 0)
            continue;
        o.insert(priorityName(static_cast<Priority>(p)),
                 QJsonObject{{QStringLiteral("deadlines_passed"), in.dueSeen[i]},
                             {QStringLiteral("late"), in.lateSeen[i]},
                             {QStringLiteral("share_used"), rounded(in.lateShare(static_cast<Priority>(p)), 3)}});
    }
    return o;
}

}  // namespace

QJsonObject forecastJson(const Forecast &f)
{
    const ForecastInputs &in = f.inputs;
    PerPriority<double> perDay{};
    for (int p = 0; p < kPriorityCount; ++p)
        for (double a : in.arrivals[static_cast<size_t>(p)])
            perDay[static_cast<size_t>(p)] += a / 7.0;
    QJsonArray horizons;
    QJsonObject needed;
    for (const Horizon &h : f.horizons) {
        horizons.append(QJsonObject{
            {QStringLiteral("hours"), h.hours},
            {QStringLiteral("backlog"), counts(h.planned.backlog)},
            {QStringLiteral("breaches"), counts(h.breaches)},
            {QStringLiteral("breaches_from_capacity"), counts(h.planned.breaches)},
            {QStringLiteral("deadlines"), counts(h.deadlines)},
            {QStringLiteral("reviewer_hours"), rounded(h.planned.reviewerHours)},
            {QStringLiteral("reviewer_hours_needed"),
             in.throughput() ? QJsonValue(rounded(h.needed.reviewerHours)) : QJsonValue()},
            {QStringLiteral("reviewers_needed"), h.reviewersNeeded ? QJsonValue(*h.reviewersNeeded) : QJsonValue()},
        });
        needed.insert(QString::number(h.hours),
                      in.throughput() ? QJsonValue(rounded(h.needed.reviewerHours)) : QJsonValue());
    }
    const auto throughput = in.throughput();
    return QJsonObject{
        {QStringLiteral("generated_at"), in.now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("hours"), f.hours},
        {QStringLiteral("agent_id"), in.agentId.isEmpty() ? QJsonValue() : QJsonValue(in.agentId)},
        {QStringLiteral("reviewers"), f.reviewers ? QJsonValue(*f.reviewers) : QJsonValue()},
        {QStringLiteral("history_weeks"), kHistoryWeeks},
        {QStringLiteral("sla_hours"), perPriority(in.slaHours, [](int v) { return QJsonValue(v); })},
        {QStringLiteral("throughput_per_reviewer_hour"),
         throughput ? QJsonValue(rounded(*throughput, 2)) : QJsonValue()},
        {QStringLiteral("verdicts"), in.verdicts},
        {QStringLiteral("active_reviewer_hours"), in.activeReviewerHours},
        {QStringLiteral("arrivals_per_day"), counts(perDay)},
        {QStringLiteral("arrivals_sample_stride"), in.arrivalsSampleStride},
        {QStringLiteral("lateness"), lateness(in)},
        {QStringLiteral("backlog_now"), backlogNow(in)},
        {QStringLiteral("horizons"), horizons},
        {QStringLiteral("reviewer_hours_needed"), needed},
    };
}

}  // namespace atalaya::forecast

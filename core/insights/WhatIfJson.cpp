#include "core/insights/WhatIf.h"

#include "core/common/TimeUtil.h"

#include <QJsonArray>

#include <cmath>

namespace atalaya {
namespace {

double rounded(double v)
{
    return std::round(v * 1e4) / 1e4;
}

QJsonObject perDayJson(const std::array<double, kPriorityCount> &perDay)
{
    QJsonObject o;
    for (int i = 0; i < kPriorityCount; ++i)
        o.insert(priorityName(static_cast<Priority>(i)), rounded(perDay[static_cast<size_t>(i)]));
    return o;
}

QJsonValue cutsJson(const std::optional<CutPoints> &cuts)
{
    if (!cuts)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("p0_below"), cuts->p0Below},
                       {QStringLiteral("p1_below"), cuts->p1Below},
                       {QStringLiteral("p2_below"), cuts->p2Below}};
}

QJsonObject scenarioJson(const WhatIfScenario &s)
{
    return QJsonObject{{QStringLiteral("cut_points"), cutsJson(s.cuts)},
                       {QStringLiteral("per_day"), perDayJson(s.figures.perDay)},
                       {QStringLiteral("load_per_day"), rounded(s.figures.loadPerDay())},
                       {QStringLiteral("missed_errors_per_day"), rounded(s.figures.missedErrorsPerDay)}};
}

}  // namespace

QJsonObject whatIfJson(const WhatIfReport &r)
{
    std::array<double, kPriorityCount> change{};
    for (size_t i = 0; i < change.size(); ++i)
        change[i] = r.proposed.figures.perDay[i] - r.current.figures.perDay[i];
    QJsonArray bands;
    for (const WhatIfBand &b : r.bands) {
        bands.append(QJsonObject{
            {QStringLiteral("lo"), b.lo},
            {QStringLiteral("hi"), b.hi},
            {QStringLiteral("arrivals"), b.arrivals},
            {QStringLiteral("arrivals_per_day"), rounded(static_cast<double>(b.arrivals) / r.days)},
            {QStringLiteral("reviewed"), b.reviewed},
            {QStringLiteral("error_rate"), b.errorRate ? QJsonValue(rounded(*b.errorRate)) : QJsonValue()}});
    }
    QJsonArray curve;
    for (const WhatIfCurvePoint &p : r.curve) {
        curve.append(QJsonObject{{QStringLiteral("p2_below"), p.p2Below},
                                 {QStringLiteral("load_per_day"), rounded(p.loadPerDay)},
                                 {QStringLiteral("missed_errors_per_day"), rounded(p.missedErrorsPerDay)}});
    }
    return QJsonObject{
        {QStringLiteral("window"),
         QJsonObject{
             {QStringLiteral("from"), toIsoUtc(r.query.from)},
             {QStringLiteral("to"), toIsoUtc(r.query.to)},
             {QStringLiteral("days"), rounded(r.days)},
             {QStringLiteral("agent_id"), r.query.agentId.isEmpty() ? QJsonValue() : QJsonValue(r.query.agentId)},
             {QStringLiteral("decisions"), r.arrivals},
             {QStringLiteral("reviewed"), r.reviewed}}},
        {QStringLiteral("error_weights"),
         QJsonObject{{QStringLiteral("correct"), 0},
                     {QStringLiteral("partially_correct"), 0.5},
                     {QStringLiteral("incorrect"), 1}}},
        {QStringLiteral("bands"), bands},
        {QStringLiteral("current"), scenarioJson(r.current)},
        {QStringLiteral("proposed"), scenarioJson(r.proposed)},
        {QStringLiteral("per_day"), perDayJson(r.proposed.figures.perDay)},
        {QStringLiteral("missed_errors_per_day"), rounded(r.proposed.figures.missedErrorsPerDay)},
        {QStringLiteral("change"),
         QJsonObject{{QStringLiteral("per_day"), perDayJson(change)},
                     {QStringLiteral("load_per_day"),
                      rounded(r.proposed.figures.loadPerDay() - r.current.figures.loadPerDay())},
                     {QStringLiteral("missed_errors_per_day"),
                      rounded(r.proposed.figures.missedErrorsPerDay - r.current.figures.missedErrorsPerDay)}}},
        {QStringLiteral("curve"), curve},
    };
}

}  // namespace atalaya

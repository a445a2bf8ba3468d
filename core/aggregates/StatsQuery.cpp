#include "core/aggregates/StatsQuery.h"

namespace atalaya {

Result<StatsQuery> StatsQuery::lastDays(int days, const QDateTime &now)
{
    if (days < 1 || days > 3650)
        return makeError(ErrorCode::Usage, QStringLiteral("--days is %1; allowed range is 1 to 3650").arg(days));
    StatsQuery q;
    q.to = now.toUTC().addMSecs(1);
    q.from = now.toUTC().addDays(-days);
    q.periodDays = days;
    return q;
}

Result<StatsQuery> StatsQuery::range(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || from >= to)
        return makeError(ErrorCode::Usage, QStringLiteral("the range must have a start before its end"));
    StatsQuery q;
    q.from = from.toUTC();
    q.to = to.toUTC();
    q.periodDays = static_cast<int>((q.from.msecsTo(q.to) + 86399999) / 86400000);
    return q;
}

StatsQuery StatsQuery::withAgent(const QString &agent) const
{
    StatsQuery q = *this;
    q.agentId = agent;
    return q;
}

StatsQuery StatsQuery::withTask(const QString &task) const
{
    StatsQuery q = *this;
    q.taskType = task;
    return q;
}

StatsQuery StatsQuery::previousPeriod() const
{
    StatsQuery q = *this;
    const qint64 length = from.msecsTo(to);
    q.to = from;
    q.from = from.addMSecs(-length);
    return q;
}

}  // namespace atalaya

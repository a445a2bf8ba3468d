#include "AppContext.h"

namespace atalaya {

StatsQuery DashboardFilter::toQuery(const QDateTime &now) const
{
    StatsQuery q;
    if (customFrom.isValid() && customTo.isValid()) {
        if (auto r = StatsQuery::range(customFrom, customTo))
            q = *r;
    } else if (auto r = StatsQuery::lastDays(days, now)) {
        q = *r;
    }
    return q.withAgent(agentId).withTask(taskType);
}

} // namespace atalaya

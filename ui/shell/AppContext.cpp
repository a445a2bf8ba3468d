#include "ui/shell/AppContext.h"

namespace atalaya {

void DashboardFilter::setCustomDays(const QDate &first, const QDate &last)
{
    customFrom = QDateTime(first, QTime(0, 0), Qt::UTC);
    customTo = QDateTime(std::max(last, first).addDays(1), QTime(0, 0), Qt::UTC);
}

StatsQuery DashboardFilter::toQuery(const QDateTime &now) const
{
    StatsQuery q;
    if (isCustom()) {
        if (auto r = StatsQuery::range(customFrom, customTo))
            q = *r;
    } else if (auto r = StatsQuery::lastDays(days, now)) {
        q = *r;
    }
    return q.withAgent(agentId).withTask(taskType);
}

}  // namespace atalaya

#include "core/stats/StatsSql.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Dialect.h"

namespace atalaya {

QString validRowPredicate(const Dialect &d)
{
    QString p = QStringLiteral("confidence_score >= 0 AND confidence_score <= 1 AND execution_time_ms >= 0"
                               " AND (human_feedback IS NULL OR human_feedback IN"
                               " ('correct', 'incorrect', 'partially_correct'))");
    // MariaDB/MySQL JSON columns reject invalid JSON on write; SQLite stores anything.
    if (!d.isMySql())
        p += QStringLiteral(" AND json_valid(decision_made) AND json_valid(metadata)");
    return p;
}

namespace {

void addExactMatch(WhereClause &w, const Dialect &d, const QString &column, const QString &value)
{
    w.sql += QStringLiteral(" AND ") + d.exactMatch(column);
    for (int i = 0; i < d.exactMatchBindings(); ++i)
        w.values << value;
}

}  // namespace

WhereClause windowWhere(const Dialect &d, const StatsQuery &q)
{
    WhereClause w;
    w.sql = QStringLiteral(" WHERE %1 >= ? AND %1 < ?").arg(d.utcTimeOf(QStringLiteral("created_at")));
    w.values << toDbDateTime(q.from) << toDbDateTime(q.to);
    if (!q.agentId.isEmpty())
        addExactMatch(w, d, QStringLiteral("agent_id"), q.agentId);
    if (!q.taskType.isEmpty())
        addExactMatch(w, d, QStringLiteral("task_type"), q.taskType);
    return w;
}

}  // namespace atalaya

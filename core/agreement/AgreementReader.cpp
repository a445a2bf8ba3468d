#include "core/agreement/AgreementReader.h"

#include "core/common/TimeUtil.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

namespace atalaya {
namespace {

constexpr auto kReviewsTable = "atalaya_reviews";

void addExactMatch(QString &sql, QVariantList &values, const Dialect &d, const QString &column, const QString &value)
{
    sql += QStringLiteral(" AND ") + d.exactMatch(column);
    for (int i = 0; i < d.exactMatchBindings(); ++i)
        values << value;
}

}  // namespace

Result<std::vector<ReviewRecord>> readReviews(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                              const ReviewRules &rules)
{
    if (!tableNames(*db).contains(QLatin1String(kReviewsTable)))
        return std::vector<ReviewRecord>();
    const Dialect &d = db->dialect();
    // Every P3 match counts as P3 here, sampled or not: the priority only picks the SLA. A
    // decision no rule matches (9) has no priority.
    const SqlFragment priority = priorityExpression(rules, d, SampleMode::All, QStringLiteral("t."));
    QVariantList values = priority.values;
    // The reviews drive the join (a few per reviewed decision), so the window's decisions are
    // looked up by id rather than scanned. The period goes through utcTimeOf (its '%' are not
    // QString::arg markers), so it is appended rather than substituted.
    QString sql = QStringLiteral("SELECT r.id, r.telemetry_id, r.reviewer, r.verdict, r.role, r.created_at,"
                                 " t.agent_id, ")
        + d.utcTimeOf(QStringLiteral("t.created_at")) + QStringLiteral(", ") + priority.sql
        + QStringLiteral(" FROM %1 r JOIN ai_telemetry t ON t.id = r.telemetry_id WHERE ")
              .arg(QLatin1String(kReviewsTable))
        + d.utcTimeOf(QStringLiteral("t.created_at")) + QStringLiteral(" >= ? AND ")
        + d.utcTimeOf(QStringLiteral("t.created_at")) + QStringLiteral(" < ?");
    values << toDbDateTime(query.from) << toDbDateTime(query.to);
    if (!query.agentId.isEmpty())
        addExactMatch(sql, values, d, QStringLiteral("t.agent_id"), query.agentId);
    if (!query.taskType.isEmpty())
        addExactMatch(sql, values, d, QStringLiteral("t.task_type"), query.taskType);
    auto q = execQuery(*db, sql, values, QStringLiteral("reading the reviews for the agreement figures"));
    if (!q)
        return q.error();
    std::vector<ReviewRecord> reviews;
    while (q->next()) {
        const auto rank = agreement::verdictRank(q->value(3).toString());
        const auto role = reviewRoleFromString(q->value(4).toString());
        if (!rank || !role)
            continue;
        ReviewRecord r;
        r.id = q->value(0).toLongLong();
        r.telemetryId = q->value(1).toLongLong();
        r.reviewer = q->value(2).toString();
        r.rank = *rank;
        r.role = *role;
        r.reviewedAt = fromDbDateTime(q->value(5));
        r.agentId = q->value(6).toString();
        r.decisionCreatedAt = fromDbDateTime(q->value(7));
        const int p = q->value(8).toInt();
        if (p >= 0 && p < kPriorityCount)
            r.priority = static_cast<Priority>(p);
        reviews.push_back(std::move(r));
    }
    return reviews;
}

Result<AgreementReport> loadAgreement(const std::shared_ptr<const Database> &db, const StatsQuery &query,
                                      const ReviewRules &rules)
{
    auto reviews = readReviews(db, query, rules);
    if (!reviews)
        return reviews.error();
    return computeAgreement(*reviews, rules);
}

}  // namespace atalaya

#include "core/queue/DoubleReview.h"

#include "core/common/TimeUtil.h"
#include "core/queue/QueueItemRow.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonDocument>

#include <algorithm>

namespace atalaya {
namespace {

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The latest review of a role on the row's decision: that is the one that counts
// (docs/REVIEW_QUEUE.md §Double review).
QString latestOfRole(const char *column, const char *role)
{
    return QStringLiteral("(SELECT l.%1 FROM atalaya_reviews l WHERE l.telemetry_id = ai_telemetry.id"
                          " AND l.role = '%2' ORDER BY l.id DESC LIMIT 1)")
        .arg(QLatin1String(column), QLatin1String(role));
}

void appendAgent(const Database &db, const QueueFilter &filter, QString &sql, QVariantList &values)
{
    if (filter.agentId.isEmpty())
        return;
    sql += QStringLiteral(" AND ") + db.dialect().exactMatch(QStringLiteral("agent_id"));
    for (int k = 0; k < db.dialect().exactMatchBindings(); ++k)
        values << filter.agentId;
}

}  // namespace

DoubleReview::DoubleReview(std::shared_ptr<const Database> db, ReviewRules rules)
    : m_db(std::move(db)), m_rules(std::move(rules))
{
}

std::optional<DoubleReview::ViewSql> DoubleReview::secondReviewSql(const QString &reviewer) const
{
    const SecondReviewRules &second = m_rules.secondReview();
    QStringList picked;
    ViewSql view;
    if (second.samplePercent > 0) {
        picked << secondReviewBucketSql(QStringLiteral("id")) + QStringLiteral(" < ?");
        view.waitingValues << second.samplePercent;
    }
    if (second.allP0) {
        const SqlFragment expr = priorityExpression(m_rules, m_db->dialect(), SampleMode::All, QString());
        picked << expr.sql + QStringLiteral(" = 0");
        view.waitingValues << expr.values;
    }
    if (picked.isEmpty())
        return std::nullopt;
    view.waiting =
        QStringLiteral("human_feedback IS NOT NULL AND (%1)"
                       " AND NOT EXISTS (SELECT 1 FROM atalaya_reviews r WHERE r.telemetry_id = ai_telemetry.id"
                       " AND r.role <> 'first')")
            .arg(picked.join(QStringLiteral(" OR ")));
    view.own = QStringLiteral("EXISTS (SELECT 1 FROM atalaya_reviews r WHERE r.telemetry_id = ai_telemetry.id"
                              " AND r.role = 'first' AND r.reviewer = ?)");
    view.ownValues << reviewer;
    view.orderHere = true;
    return view;
}

DoubleReview::ViewSql DoubleReview::adjudicationSql(const QString &reviewer) const
{
    ViewSql view;
    // Decided within atalaya_reviews, from the second reviews down through idx_reviews_role:
    // only the waiting disagreements reach ai_telemetry's rows (a lookup of each decision first
    // cost twice as much at 1 M rows).
    view.waiting = QStringLiteral("id IN (SELECT s.telemetry_id FROM atalaya_reviews s WHERE s.role = 'second'"
                                  " AND s.verdict <> (SELECT f.verdict FROM atalaya_reviews f"
                                  " WHERE f.telemetry_id = s.telemetry_id AND f.role = 'first'"
                                  " ORDER BY f.id DESC LIMIT 1)"
                                  " AND NOT EXISTS (SELECT 1 FROM atalaya_reviews a"
                                  " WHERE a.telemetry_id = s.telemetry_id AND a.role = 'adjudication'))");
    // A disagreement always has a stored first review: a second review stores another system's.
    view.own =
        QStringLiteral("(%1 = ? OR %2 = ?)").arg(latestOfRole("reviewer", "first"), latestOfRole("reviewer", "second"));
    view.ownValues << reviewer << reviewer;
    return view;
}

Result<std::vector<QueueItem>> DoubleReview::secondReviewItems(const QString &reviewer, const QueueFilter &filter) const
{
    const auto view = secondReviewSql(reviewer);
    if (!view)
        return std::vector<QueueItem>();
    return read(*view, filter, false);
}

Result<std::vector<QueueItem>> DoubleReview::adjudicationItems(const QString &reviewer, const QueueFilter &filter) const
{
    return read(adjudicationSql(reviewer), filter, true);
}

Result<DoubleReviewCounts> DoubleReview::secondReviewCounts(const QString &reviewer, const QueueFilter &filter) const
{
    const auto view = secondReviewSql(reviewer);
    if (!view)
        return DoubleReviewCounts();
    return count(*view, filter);
}

Result<DoubleReviewCounts> DoubleReview::adjudicationCounts(const QString &reviewer, const QueueFilter &filter) const
{
    return count(adjudicationSql(reviewer), filter);
}

Result<DoubleReviewCounts> DoubleReview::count(const ViewSql &view, const QueueFilter &filter) const
{
    // The rules' SQL twin (held to ReviewRules::classify by tst_review_queue), grouped on the
    // server: no decision's JSON travels.
    const SqlFragment priority = priorityExpression(m_rules, m_db->dialect(), SampleMode::All, QString());
    QString sql = QStringLiteral("SELECT %1, CASE WHEN %2 THEN 1 ELSE 0 END, COUNT(*) FROM ai_telemetry WHERE %3")
                      .arg(priority.sql, view.own, view.waiting);
    QVariantList values = priority.values + view.ownValues + view.waitingValues;
    appendAgent(*m_db, filter, sql, values);
    sql += QStringLiteral(" GROUP BY 1, 2");
    auto q = execQuery(*m_db, sql, values, QStringLiteral("counting the double-review queue"));
    if (!q)
        return q.error();
    DoubleReviewCounts counts;
    while (q->next()) {
        const qint64 n = q->value(2).toLongLong();
        if (q->value(1).toInt() == 1) {
            counts.forOthers += n;
            continue;
        }
        const int p = q->value(0).toInt();
        counts.total[static_cast<size_t>(p >= 0 && p < kPriorityCount ? p : kPriorityCount - 1)] += n;
    }
    return counts;
}

Result<std::pair<QString, QVariantList>> DoubleReview::pageCondition(const ViewSql &view,
                                                                     const QueueFilter &filter) const
{
    QString sql = view.waiting + QStringLiteral(" AND NOT ") + view.own;
    QVariantList values = view.waitingValues + view.ownValues;
    appendAgent(*m_db, filter, sql, values);
    if (!view.orderHere)
        return std::pair{sql, values};
    auto q = execQuery(*m_db, QStringLiteral("SELECT id, created_at FROM ai_telemetry WHERE ") + sql, values,
                       QStringLiteral("reading the double-review queue"));
    if (!q)
        return q.error();
    std::vector<std::pair<QDateTime, qint64>> matches;
    while (q->next())
        matches.emplace_back(fromDbDateTime(q->value(1)), q->value(0).toLongLong());
    q->finish();
    const auto page = std::min(matches.size(), static_cast<size_t>(std::max(0, filter.limit)));
    std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(page), matches.end());
    if (page == 0)
        return std::pair{QStringLiteral("1 = 0"), QVariantList()};
    QStringList marks;
    QVariantList ids;
    for (size_t i = 0; i < page; ++i) {
        marks << QStringLiteral("?");
        ids << matches[i].second;
    }
    return std::pair{QStringLiteral("id IN (%1)").arg(marks.join(QLatin1Char(','))), ids};
}

Result<std::vector<QueueItem>> DoubleReview::read(const ViewSql &view, const QueueFilter &filter,
                                                  bool withReviews) const
{
    const ReviewRole role = withReviews ? ReviewRole::Adjudication : ReviewRole::Second;
    auto condition = pageCondition(view, filter);
    if (!condition)
        return condition.error();
    QVariantList values = condition->second;
    values << std::max(0, filter.limit);
    auto q = execQuery(*m_db,
                       kQueueItemColumns + QStringLiteral(" WHERE ") + condition->first
                           + QStringLiteral(" ORDER BY created_at, id LIMIT ?"),
                       values, QStringLiteral("reading the double-review queue"));
    if (!q)
        return q.error();
    std::vector<QueueItem> items;
    while (q->next()) {
        QueueItem item = readQueueItem(*q);
        const auto match = m_rules.classify(
            {item.id, item.taskType, item.confidence, parseObject(item.decisionJson), parseObject(item.metadataJson)});
        item.priority = match ? match->priority : Priority::P3;
        item.reason = match ? match->reason : QStringLiteral("no review rule matched");
        item.role = role;
        items.push_back(std::move(item));
    }
    q->finish();
    std::vector<QueueItem> kept;
    for (QueueItem &item : items) {
        if (filter.priority && item.priority != *filter.priority)
            continue;
        if (withReviews) {
            auto rows = reviews::readAll(*m_db, item.id, QString());
            if (!rows)
                return rows.error();
            item.reviews = std::move(*rows);
        }
        kept.push_back(std::move(item));
    }
    return kept;
}

Result<ReviewRole> DoubleReview::inferRole(qint64 id, const QString &reviewer) const
{
    auto q = execQuery(*m_db, kQueueItemColumns + QStringLiteral(" WHERE id = ?"), {id},
                       QStringLiteral("reading decision %1").arg(id));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(ErrorCode::NotFound, QStringLiteral("telemetry id %1 does not exist").arg(id));
    const QueueItem item = readQueueItem(*q);
    q->finish();
    auto current = execQuery(*m_db, QStringLiteral("SELECT human_feedback FROM ai_telemetry WHERE id = ?"), {id},
                             QStringLiteral("reading decision %1").arg(id));
    if (!current)
        return current.error();
    const QString verdict = current->next() ? current->value(0).toString() : QString();
    current->finish();
    auto state = reviews::readState(*m_db, id, verdict);
    if (!state)
        return state.error();
    if (!state->first)
        return ReviewRole::First;
    if (state->awaitingAdjudication())
        return ReviewRole::Adjudication;
    const auto match = m_rules.classify(
        {item.id, item.taskType, item.confidence, parseObject(item.decisionJson), parseObject(item.metadataJson)});
    if (!state->second && !state->adjudication && state->first->reviewer != reviewer
        && m_rules.wantsSecondReview(id, match ? std::optional(match->priority) : std::nullopt))
        return ReviewRole::Second;
    return ReviewRole::First;
}

}  // namespace atalaya

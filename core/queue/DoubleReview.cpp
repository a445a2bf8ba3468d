#include "core/queue/DoubleReview.h"

#include "core/queue/QueueItemRow.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QJsonDocument>

namespace atalaya {
namespace {

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QString kLatestFirstVerdict =
    QStringLiteral("(SELECT f.verdict FROM atalaya_reviews f WHERE f.telemetry_id = ai_telemetry.id"
                   " AND f.role = 'first' ORDER BY f.id DESC LIMIT 1)");

}  // namespace

DoubleReview::DoubleReview(std::shared_ptr<const Database> db, ReviewRules rules)
    : m_db(std::move(db)), m_rules(std::move(rules))
{
}

Result<std::vector<QueueItem>> DoubleReview::secondReviewItems(const QString &reviewer, const QueueFilter &filter) const
{
    const SecondReviewRules &second = m_rules.secondReview();
    QStringList picked;
    QVariantList values;
    if (second.samplePercent > 0) {
        picked << secondReviewBucketSql(QStringLiteral("id")) + QStringLiteral(" < ?");
        values << second.samplePercent;
    }
    if (second.allP0) {
        const SqlFragment expr = priorityExpression(m_rules, m_db->dialect(), SampleMode::All, QString());
        picked << expr.sql + QStringLiteral(" = 0");
        values << expr.values;
    }
    if (picked.isEmpty())
        return std::vector<QueueItem>();
    const QString where =
        QStringLiteral("human_feedback IS NOT NULL AND (%1)"
                       " AND NOT EXISTS (SELECT 1 FROM atalaya_reviews r WHERE r.telemetry_id = ai_telemetry.id"
                       " AND r.role <> 'first')"
                       " AND NOT EXISTS (SELECT 1 FROM atalaya_reviews r WHERE r.telemetry_id = ai_telemetry.id"
                       " AND r.role = 'first' AND r.reviewer = ?)")
            .arg(picked.join(QStringLiteral(" OR ")));
    values << reviewer;
    return read(where, values, filter, false);
}

Result<std::vector<QueueItem>> DoubleReview::adjudicationItems(const QueueFilter &filter) const
{
    const QString where =
        QStringLiteral("EXISTS (SELECT 1 FROM atalaya_reviews s WHERE s.telemetry_id = ai_telemetry.id"
                       " AND s.role = 'second' AND s.verdict <> %1)"
                       " AND NOT EXISTS (SELECT 1 FROM atalaya_reviews a WHERE a.telemetry_id = ai_telemetry.id"
                       " AND a.role = 'adjudication')")
            .arg(kLatestFirstVerdict);
    return read(where, {}, filter, true);
}

Result<std::vector<QueueItem>> DoubleReview::read(const QString &where, QVariantList values, const QueueFilter &filter,
                                                  bool withReviews) const
{
    const ReviewRole role = withReviews ? ReviewRole::Adjudication : ReviewRole::Second;
    QString sql = kQueueItemColumns + QStringLiteral(" WHERE ") + where;
    if (!filter.agentId.isEmpty()) {
        sql += QStringLiteral(" AND ") + m_db->dialect().exactMatch(QStringLiteral("agent_id"));
        for (int k = 0; k < m_db->dialect().exactMatchBindings(); ++k)
            values << filter.agentId;
    }
    sql += QStringLiteral(" ORDER BY created_at, id LIMIT ?");
    values << std::max(0, filter.limit);
    auto q = execQuery(*m_db, sql, values, QStringLiteral("reading the double-review queue"));
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

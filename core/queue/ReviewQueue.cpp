#include "core/queue/ReviewQueue.h"

#include "core/common/TimeUtil.h"
#include "core/logging/Logging.h"
#include "core/queue/QueueCountsStore.h"
#include "core/queue/QueueItemRow.h"
#include "core/queue/ReviewRulesSql.h"
#include "core/storage/Database.h"
#include "core/storage/LockErrors.h"
#include "core/storage/SqlUtil.h"

#include <QDir>
#include <QJsonDocument>

namespace atalaya {
namespace {

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

}  // namespace

ReviewQueue::ReviewQueue(std::shared_ptr<const Database> db, ReviewRules rules)
    : m_db(std::move(db)), m_rules(std::move(rules))
{
}

Result<QueueCounts> ReviewQueue::counts(const QueueFilter &filter, const QDateTime &now) const
{
    const Database &db = m_db->reads();
    auto kept = queuecounts::read(db, m_rules, filter, now);
    if (!kept)
        return kept.error();
    if (*kept)
        return **kept;
    return countsFromRows(filter, now);
}

Result<QueueCounts> ReviewQueue::countsWithout(const QueueFilter &filter, const QDateTime &now,
                                               const QSet<qint64> &decided) const
{
    const Database &db = m_db->reads();
    auto counts = this->counts(filter, now);
    if (!counts || decided.isEmpty())
        return counts;
    QStringList marks;
    QVariantList values;
    for (qint64 id : decided) {
        marks << QStringLiteral("?");
        values << id;
    }
    auto q =
        execQuery(db,
                  QStringLiteral("SELECT id, agent_id, task_type, confidence_score, decision_made, metadata, created_at"
                                 " FROM ai_telemetry WHERE human_feedback IS NULL AND id IN (%1)")
                      .arg(marks.join(QStringLiteral(", "))),
                  values, QStringLiteral("reading the decisions reviewed here"));
    if (!q)
        return q.error();
    while (q->next()) {
        if (!filter.agentId.isEmpty() && q->value(1).toString() != filter.agentId)
            continue;
        const auto match =
            m_rules.classify({q->value(0).toLongLong(), q->value(2).toString(), q->value(3).toDouble(),
                              parseObject(q->value(4).toByteArray()), parseObject(q->value(5).toByteArray())});
        if (!match || (!match->sampled && !filter.includeAllP3))
            continue;
        const auto p = static_cast<size_t>(match->priority);
        counts->total[p] = std::max<qint64>(0, counts->total[p] - 1);
        const QDateTime due = m_rules.dueAt(match->priority, fromDbDateTime(q->value(6)));
        if (due.isValid() && now > due)
            counts->overdue[p] = std::max<qint64>(0, counts->overdue[p] - 1);
    }
    return counts;
}

Result<QueueCounts> ReviewQueue::countsFromRows(const QueueFilter &filter, const QDateTime &now) const
{
    const Database &db = m_db->reads();
    const SqlFragment expr = priorityExpression(m_rules, m_db->dialect(), filter.includeAllP3);
    QStringList overdueTerms;
    QVariantList values;
    for (int i = 0; i < kPriorityCount; ++i) {
        const int hours = m_rules.priority(static_cast<Priority>(i)).slaHours;
        if (hours <= 0)
            continue;
        // overdue ⇔ now > created_at + SLA ⇔ created_at < now − SLA, on the UTC form of the
        // column: another writer's "…T…Z" text would compare byte by byte otherwise.
        overdueTerms << QStringLiteral("(p = %1 AND created_at < ?)").arg(i);
        values << toDbDateTime(now.addSecs(-qint64(hours) * 3600));
    }
    const QString overdueSql = overdueTerms.isEmpty()
        ? QStringLiteral("0")
        : QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(overdueTerms.join(QStringLiteral(" OR ")));
    QString inner = QStringLiteral("SELECT %1 AS p, %2 AS created_at FROM ai_telemetry WHERE human_feedback IS NULL")
                        .arg(expr.sql, m_db->dialect().utcTimeOf(QStringLiteral("created_at")));
    values << expr.values;
    if (!filter.agentId.isEmpty()) {
        inner += QStringLiteral(" AND ") + m_db->dialect().exactMatch(QStringLiteral("agent_id"));
        for (int i = 0; i < m_db->dialect().exactMatchBindings(); ++i)
            values << filter.agentId;
    }
    auto q = execQuery(
        db, QStringLiteral("SELECT p, COUNT(*), %1 FROM (%2) pending WHERE p < 9 GROUP BY p").arg(overdueSql, inner),
        values, QStringLiteral("counting the review queue"));
    if (!q)
        return q.error();
    QueueCounts counts;
    while (q->next()) {
        const int p = q->value(0).toInt();
        if (p < 0 || p >= kPriorityCount)
            continue;
        counts.total[static_cast<size_t>(p)] = q->value(1).toLongLong();
        counts.overdue[static_cast<size_t>(p)] = q->value(2).toLongLong();
    }
    return counts;
}

Result<std::vector<QueueItem>> ReviewQueue::items(const QueueFilter &filter) const
{
    const Database &db = m_db->reads();
    const SqlFragment expr = priorityExpression(m_rules, m_db->dialect(), filter.includeAllP3);
    std::vector<QueueItem> items;
    const int limit = std::max(0, filter.limit);
    for (int i = 0; i < kPriorityCount && static_cast<int>(items.size()) < limit; ++i) {
        if (filter.priority && static_cast<int>(*filter.priority) != i)
            continue;
        if (m_rules.priority(static_cast<Priority>(i)).rules.empty())
            continue;
        QString sql = kQueueItemColumns + QStringLiteral(" WHERE human_feedback IS NULL");
        QVariantList values;
        if (!filter.agentId.isEmpty()) {
            sql += QStringLiteral(" AND ") + m_db->dialect().exactMatch(QStringLiteral("agent_id"));
            for (int k = 0; k < m_db->dialect().exactMatchBindings(); ++k)
                values << filter.agentId;
        }
        sql += QStringLiteral(" AND ") + expr.sql + QStringLiteral(" = ? ORDER BY created_at, id LIMIT ?");
        values << expr.values << i << (limit - static_cast<int>(items.size()));
        auto q = execQuery(db, sql, values,
                           QStringLiteral("reading the %1 review queue").arg(priorityName(static_cast<Priority>(i))));
        if (!q)
            return q.error();
        while (q->next()) {
            QueueItem item = readQueueItem(*q);
            item.priority = static_cast<Priority>(i);
            const auto match = m_rules.classify({item.id, item.taskType, item.confidence,
                                                 parseObject(item.decisionJson), parseObject(item.metadataJson)});
            if (match && match->priority == item.priority) {
                item.reason = match->reason;
            } else {
                // Only a JSON quirk of another writer gets here; the SQL decision stands.
                qCWarning(lcStorage) << "review rules disagree for decision" << item.id;
                item.reason = QStringLiteral("%1 rule").arg(priorityName(item.priority));
            }
            item.dueAt = m_rules.dueAt(item.priority, item.createdAt);
            items.push_back(std::move(item));
        }
    }
    return items;
}

Result<std::optional<QueueItem>> ReviewQueue::pendingItem(qint64 id) const
{
    const Database &db = m_db->reads();
    auto q = execQuery(db, kQueueItemColumns + QStringLiteral(" WHERE id = ? AND human_feedback IS NULL"), {id},
                       QStringLiteral("reading decision %1").arg(id));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<QueueItem>();
    QueueItem item = readQueueItem(*q);
    const auto match = m_rules.classify(
        {item.id, item.taskType, item.confidence, parseObject(item.decisionJson), parseObject(item.metadataJson)});
    item.priority = match ? match->priority : Priority::P3;
    item.reason = match ? match->reason : QStringLiteral("no review rule matched");
    item.dueAt = m_rules.dueAt(item.priority, item.createdAt);
    return std::optional(std::move(item));
}

Result<QueueSnapshot> ReviewQueue::snapshot(const QueueFilter &filter) const
{
    QueueSnapshot s;
    s.generatedAt = QDateTime::currentDateTimeUtc();
    auto items = this->items(filter);
    if (!items)
        return items.error();
    auto counts = this->counts(filter, s.generatedAt);
    if (!counts)
        return counts.error();
    s.items = std::move(*items);
    s.counts = *counts;
    return s;
}

Result<WriteAccess> ReviewQueue::writeAccess() const
{
    // The probe does not wait for another program's lock: that is a moment's state, not a
    // missing right, and the page must not hang on it. Writable with a reason: verdicts go to
    // the outbox until the lock is released.
    const bool sqlite = m_db->backend() == Backend::SQLite;
    const int wait = m_db->options().lockWaitTimeoutSeconds;
    execStatement(*m_db,
                  sqlite ? QStringLiteral("PRAGMA busy_timeout = 0")
                         : QStringLiteral("SET SESSION lock_wait_timeout = 1, innodb_lock_wait_timeout = 1"),
                  {}, QStringLiteral("shortening the lock wait"));
    // A write that touches no row still needs the privilege, so it probes without writing.
    Status probe = beginTransaction(*m_db);
    if (probe)
        probe = execStatement(*m_db,
                              QStringLiteral("UPDATE ai_telemetry SET human_feedback = human_feedback,"
                                             " accuracy = accuracy WHERE 1 = 0"),
                              {}, QStringLiteral("checking the feedback privilege"));
    if (probe)
        probe = execStatement(*m_db,
                              QStringLiteral("INSERT INTO atalaya_feedback_audit (telemetry_id, previous_value,"
                                             " new_value, reviewer, note, client_host, created_at)"
                                             " SELECT telemetry_id, previous_value, new_value, reviewer, note,"
                                             " client_host, created_at FROM atalaya_feedback_audit WHERE 1 = 0"),
                              {}, QStringLiteral("checking the audit privilege"));
    if (probe)
        probe = execStatement(*m_db,
                              QStringLiteral("INSERT INTO atalaya_feedback_audit_chain (seq, audit_id, prev_hash,"
                                             " row_hash) SELECT seq, audit_id, prev_hash, row_hash"
                                             " FROM atalaya_feedback_audit_chain WHERE 1 = 0"),
                              {}, QStringLiteral("checking the audit chain privilege"));
    if (probe)
        probe = execStatement(*m_db,
                              QStringLiteral("INSERT INTO atalaya_reviews (telemetry_id, reviewer, verdict, note, role,"
                                             " created_at) SELECT telemetry_id, reviewer, verdict, note, role,"
                                             " created_at FROM atalaya_reviews WHERE 1 = 0"),
                              {}, QStringLiteral("checking the reviews privilege"));
    if (probe)
        probe = execStatement(*m_db, QStringLiteral("UPDATE atalaya_feedback_audit_head SET seq = seq WHERE 1 = 0"), {},
                              QStringLiteral("checking the audit chain privilege"));
    rollbackTransaction(*m_db);
    execStatement(*m_db,
                  sqlite
                      ? QStringLiteral("PRAGMA busy_timeout = %1").arg(wait * 1000)
                      : QStringLiteral("SET SESSION lock_wait_timeout = %1, innodb_lock_wait_timeout = %1").arg(wait),
                  {}, QStringLiteral("restoring the lock wait"));
    if (probe)
        return WriteAccess{true, {}};
    if (isPermissionDenied(probe.error()) || isMissingTable(probe.error()))
        return WriteAccess{false, probe.error().message};
    if (isLockTimeout(probe.error()))
        return WriteAccess{true,
                           sqlite ? QStringLiteral("the SQLite file %1 is locked by another program right now; "
                                                   "verdicts wait in the outbox until it is free")
                                        .arg(QDir::toNativeSeparators(m_db->url().path))
                                  : QStringLiteral("another session holds a lock on the decisions right now; "
                                                   "verdicts wait in the outbox until it is released")};
    return probe.error();
}

}  // namespace atalaya

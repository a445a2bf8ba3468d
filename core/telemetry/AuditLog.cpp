#include "core/telemetry/AuditLog.h"

#include "core/common/TimeUtil.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"

namespace atalaya {

AuditLog::AuditLog(std::shared_ptr<const Database> db) : m_db(std::move(db)) { }

Result<std::vector<AuditLogRow>> AuditLog::page(const AuditFilter &filter, std::optional<qint64> afterId, int limit,
                                                AuditOrder order) const
{
    const Dialect &d = m_db->dialect();
    // A database Atalaya never initialised (a read-only account on the seed tables) has no audit
    // log yet; one initialised before migration 2 has rows but no chain.
    const QStringList tables = tableNames(*m_db);
    if (!tables.contains(QLatin1String(auditchain::kAuditTable)))
        return std::vector<AuditLogRow>();
    const bool chained = tables.contains(QLatin1String(auditchain::kChainTable));
    const bool newestFirst = order == AuditOrder::NewestFirst;
    QStringList where;
    QVariantList values;
    if (afterId) {
        where << (newestFirst ? QStringLiteral("a.id < ?") : QStringLiteral("a.id > ?"));
        values << *afterId;
    }
    if (!filter.reviewer.isEmpty()) {
        where << d.exactMatch(QStringLiteral("a.reviewer"));
        for (int i = 0; i < d.exactMatchBindings(); ++i)
            values << filter.reviewer;
    }
    if (!filter.agentId.isEmpty()) {
        where << d.exactMatch(QStringLiteral("t.agent_id"));
        for (int i = 0; i < d.exactMatchBindings(); ++i)
            values << filter.agentId;
    }
    if (filter.telemetryId) {
        where << QStringLiteral("a.telemetry_id = ?");
        values << *filter.telemetryId;
    }
    if (filter.from.isValid()) {
        where << d.utcTimeOf(QStringLiteral("a.created_at")) + QStringLiteral(" >= ?");
        values << toDbDateTime(filter.from);
    }
    if (filter.to.isValid()) {
        where << d.utcTimeOf(QStringLiteral("a.created_at")) + QStringLiteral(" < ?");
        values << toDbDateTime(filter.to);
    }
    // The period goes through utcTimeOf (its '%' are not QString::arg markers), so it is appended
    // rather than substituted.
    const QString sql = QStringLiteral("SELECT %1, t.agent_id, %2, a.created_at"
                                       " FROM %3 a LEFT JOIN ai_telemetry t ON t.id = a.telemetry_id")
                            .arg(auditchain::auditColumns(d, QStringLiteral("a")),
                                 chained ? QStringLiteral("c.seq, c.prev_hash, c.row_hash")
                                         : QStringLiteral("NULL, NULL, NULL"),
                                 QLatin1String(auditchain::kAuditTable))
        + (chained ? QStringLiteral(" LEFT JOIN %1 c ON c.audit_id = a.id").arg(QLatin1String(auditchain::kChainTable))
                   : QString())
        + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
        + (newestFirst ? QStringLiteral(" ORDER BY a.id DESC") : QStringLiteral(" ORDER BY a.id"))
        + QStringLiteral(" LIMIT ") + QString::number(limit);
    auto q = execQuery(*m_db, sql, values, QStringLiteral("reading the audit log"));
    if (!q)
        return q.error();
    std::vector<AuditLogRow> rows;
    while (q->next()) {
        const auditchain::ChainedRow content = auditchain::rowFromQuery(*q, 0);
        AuditLogRow r;
        r.id = content.auditId;
        r.telemetryId = content.telemetryId;
        r.previousValue = content.previousValue.value_or(QString());
        r.newValue = content.newValue.value_or(QString());
        r.reviewer = content.reviewer.value_or(QString());
        r.note = content.note.value_or(QString());
        r.clientHost = content.clientHost.value_or(QString());
        r.createdAt = content.createdAt;
        r.agentId = q->value(8).toString();
        if (!q->value(9).isNull())
            r.chainSeq = q->value(9).toLongLong();
        r.prevHash = q->value(10).toString();
        r.rowHash = q->value(11).toString();
        r.createdAtUtc = fromDbDateTime(q->value(12));
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace atalaya

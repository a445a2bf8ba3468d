#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace atalaya {

class Database;

// Which audit rows to read. Empty fields do not filter; the period is [from, to) in UTC.
struct AuditFilter {
    QString reviewer;
    QString agentId;
    std::optional<qint64> telemetryId;
    QDateTime from;
    QDateTime to;
};

struct AuditLogRow {
    qint64 id = 0;
    qint64 telemetryId = 0;
    QString agentId;  // empty when the decision is no longer in ai_telemetry
    QString previousValue;  // empty = pending (NULL)
    QString newValue;  // empty = back to pending (NULL)
    QString reviewer;
    QString note;
    QString clientHost;
    QString createdAt;  // as hashed (auditchain::createdAtText)
    QDateTime createdAtUtc;
    std::optional<qint64> chainSeq;  // nullopt: not chained yet
    QString prevHash;
    QString rowHash;
};

enum class AuditOrder { NewestFirst, OldestFirst };

// Reads the feedback audit log a page at a time with keyset pagination on id: a page costs
// the same at row 10 as at row 10 million (docs/DATA.md §Audit chain).
class AuditLog {
public:
    explicit AuditLog(std::shared_ptr<const Database> db);

    // Up to `limit` rows after `afterId` in `order` (nullopt: from the start).
    Result<std::vector<AuditLogRow>> page(const AuditFilter &filter, std::optional<qint64> afterId, int limit,
                                          AuditOrder order = AuditOrder::NewestFirst) const;

private:
    std::shared_ptr<const Database> m_db;
};

}  // namespace atalaya

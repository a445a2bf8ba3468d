#include "core/telemetry/AuditVerify.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/telemetry/AuditChain.h"

namespace atalaya::auditchain {
namespace {

// Links read per statement: keyset pages on seq keep memory flat at millions of rows.
constexpr int kVerifyPage = 5000;
constexpr int kUnchainedListed = 20;

ChainBreak makeBreak(ChainBreak::Kind kind, qint64 seq, std::optional<qint64> auditId, QString message)
{
    return ChainBreak{kind, seq, auditId, std::move(message)};
}

Status countUnchained(const Database &db, VerifyReport &report)
{
    const QString unlinked = QStringLiteral("FROM %1 a WHERE NOT EXISTS (SELECT 1 FROM %2 c WHERE c.audit_id = a.id)")
                                 .arg(QLatin1String(kAuditTable), QLatin1String(kChainTable));
    auto count = execQuery(db, QStringLiteral("SELECT COUNT(*) ") + unlinked, {},
                           QStringLiteral("counting unchained audit rows"));
    if (!count)
        return count.error();
    report.unchained = count->next() ? count->value(0).toLongLong() : 0;
    count->finish();
    if (report.unchained == 0)
        return {};
    auto ids = execQuery(db, QStringLiteral("SELECT a.id ") + unlinked + QStringLiteral(" ORDER BY a.id LIMIT %1")
                                                                      .arg(kUnchainedListed),
                         {}, QStringLiteral("listing unchained audit rows"));
    if (!ids)
        return ids.error();
    while (ids->next())
        report.firstUnchained << ids->value(0).toLongLong();
    return {};
}

}  // namespace

QString kindName(ChainBreak::Kind kind)
{
    switch (kind) {
    case ChainBreak::Kind::Altered: return QStringLiteral("altered");
    case ChainBreak::Kind::Removed: return QStringLiteral("removed");
    case ChainBreak::Kind::LinkRemoved: return QStringLiteral("link_removed");
    case ChainBreak::Kind::LinkAltered: return QStringLiteral("link_altered");
    case ChainBreak::Kind::TailRemoved: return QStringLiteral("tail_removed");
    }
    return {};
}

Result<VerifyReport> verify(const Database &db)
{
    VerifyReport report;
    auto head = execQuery(db, QStringLiteral("SELECT seq, row_hash FROM %1 WHERE id = 1").arg(QLatin1String(kHeadTable)),
                          {}, QStringLiteral("reading the audit chain head"));
    if (!head)
        return head.error();
    if (head->next()) {
        report.headSeq = head->value(0).toLongLong();
        report.headHash = head->value(1).toString();
    }
    head->finish();

    const QString page = QStringLiteral("SELECT c.seq, c.audit_id, c.prev_hash, c.row_hash, %1 FROM %2 c"
                                        " LEFT JOIN %3 a ON a.id = c.audit_id WHERE c.seq > ? ORDER BY c.seq LIMIT %4")
                             .arg(auditColumns(db.dialect(), QStringLiteral("a")), QLatin1String(kChainTable),
                                  QLatin1String(kAuditTable))
                             .arg(kVerifyPage);
    qint64 lastSeq = 0;
    qint64 lastAuditId = 0;
    QString lastHash = QLatin1String(kGenesisHash);
    for (;;) {
        auto q = execQuery(db, page, {lastSeq}, QStringLiteral("reading the audit chain"));
        if (!q)
            return q.error();
        int rows = 0;
        while (q->next()) {
            ++rows;
            const qint64 seq = q->value(0).toLongLong();
            const qint64 auditId = q->value(1).toLongLong();
            const QString prevHash = q->value(2).toString();
            const QString stored = q->value(3).toString();
            if (seq != lastSeq + 1) {
                report.firstBreak = makeBreak(
                    ChainBreak::Kind::LinkRemoved, lastSeq + 1, std::nullopt,
                    QStringLiteral("chain links %1 to %2 are missing: the audit rows chained %3before audit row %4 "
                                   "were removed with their links")
                        .arg(lastSeq + 1)
                        .arg(seq - 1)
                        .arg(lastSeq > 0 ? QStringLiteral("after audit row %1 and ").arg(lastAuditId) : QString())
                        .arg(auditId));
                return report;
            }
            if (q->value(4).isNull()) {
                report.firstBreak =
                    makeBreak(ChainBreak::Kind::Removed, seq, auditId,
                              QStringLiteral("audit row %1 (chain link %2) was removed").arg(auditId).arg(seq));
                return report;
            }
            if (prevHash != lastHash) {
                report.firstBreak = makeBreak(
                    ChainBreak::Kind::LinkAltered, seq, auditId,
                    QStringLiteral("chain link %1 (audit row %2) no longer follows link %3: its prev_hash was changed")
                        .arg(seq)
                        .arg(auditId)
                        .arg(lastSeq));
                return report;
            }
            ChainedRow row = rowFromQuery(*q, 4);
            row.seq = seq;
            row.prevHash = prevHash;
            if (rowHash(row) != stored) {
                report.firstBreak = makeBreak(
                    ChainBreak::Kind::Altered, seq, auditId,
                    QStringLiteral("audit row %1 (chain link %2) was altered after it was chained").arg(auditId).arg(seq));
                return report;
            }
            lastSeq = seq;
            lastAuditId = auditId;
            lastHash = stored;
            ++report.chained;
        }
        if (rows < kVerifyPage)
            break;
    }
    if (report.headSeq > lastSeq) {
        report.firstBreak = makeBreak(ChainBreak::Kind::TailRemoved, lastSeq + 1, std::nullopt,
                                      QStringLiteral("the last %1 chain links (%2 to %3) and their audit rows after "
                                                     "id %4 were removed")
                                          .arg(report.headSeq - lastSeq)
                                          .arg(lastSeq + 1)
                                          .arg(report.headSeq)
                                          .arg(lastAuditId));
        return report;
    }
    if (report.headSeq != lastSeq || report.headHash != lastHash) {
        report.firstBreak =
            makeBreak(ChainBreak::Kind::LinkAltered, lastSeq, lastAuditId,
                      QStringLiteral("the chain head (%1) does not match its last link %2 (audit row %3)")
                          .arg(QLatin1String(kHeadTable))
                          .arg(lastSeq)
                          .arg(lastAuditId));
        return report;
    }
    if (Status s = countUnchained(db, report); !s)
        return s.error();
    return report;
}

}  // namespace atalaya::auditchain

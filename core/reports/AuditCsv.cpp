#include "core/reports/AuditCsv.h"

#include "core/reports/CsvWriter.h"

#include <QSaveFile>

namespace atalaya {
namespace {

constexpr int kExportPage = 5000;

QStringList cells(const AuditLogRow &r)
{
    return {QString::number(r.id),
            QString::number(r.telemetryId),
            r.agentId,
            r.createdAt,
            r.reviewer,
            r.previousValue,
            r.newValue,
            r.note,
            r.clientHost,
            r.chainSeq ? QString::number(*r.chainSeq) : QString(),
            r.prevHash,
            r.rowHash};
}

Error writeError(const QString &path, const QSaveFile &file)
{
    return makeError(ErrorCode::Usage, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

}  // namespace

const QStringList &auditCsvHeader()
{
    static const QStringList header = {
        QStringLiteral("id"),          QStringLiteral("telemetry_id"), QStringLiteral("agent_id"),
        QStringLiteral("created_at"),  QStringLiteral("reviewer"),     QStringLiteral("previous_value"),
        QStringLiteral("new_value"),   QStringLiteral("note"),         QStringLiteral("client_host"),
        QStringLiteral("chain_seq"),   QStringLiteral("prev_hash"),    QStringLiteral("row_hash")};
    return header;
}

Result<qint64> writeAuditCsv(const std::shared_ptr<const Database> &db, const AuditFilter &filter,
                             const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file);
    CsvWriter csv(auditCsvHeader());
    const AuditLog log(db);
    std::optional<qint64> after;
    qint64 rows = 0;
    for (;;) {
        auto page = log.page(filter, after, kExportPage, AuditOrder::OldestFirst);
        if (!page) {
            file.cancelWriting();
            return page.error();
        }
        for (const AuditLogRow &r : *page)
            csv.addRow(cells(r));
        const QByteArray chunk = csv.takeData();
        if (file.write(chunk) != chunk.size())
            return writeError(path, file);
        rows += qint64(page->size());
        if (int(page->size()) < kExportPage)
            break;
        after = page->back().id;
    }
    if (!file.commit())
        return writeError(path, file);
    return rows;
}

}  // namespace atalaya

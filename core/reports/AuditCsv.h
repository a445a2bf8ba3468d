#pragma once

#include "core/common/Result.h"
#include "core/telemetry/AuditLog.h"

#include <QStringList>

#include <memory>

namespace atalaya {

class Database;

// The audit export's columns (docs/CLI.md `audit export`): the row, its decision's agent, and
// its link in the hash chain, so an auditor can recompute every hash (docs/DATA.md).
const QStringList &auditCsvHeader();

// Writes the rows `filter` selects, oldest first, to `path` (RFC 4180 via CsvWriter, replaced
// atomically), a page at a time so memory stays flat at millions of rows. Returns the number of
// rows.
Result<qint64> writeAuditCsv(const std::shared_ptr<const Database> &db, const AuditFilter &filter,
                             const QString &path);

}  // namespace atalaya

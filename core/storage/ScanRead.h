#pragma once

#include "core/common/Result.h"
#include "core/storage/ScanRow.h"

#include <QString>
#include <QVariantList>

#include <functional>
#include <vector>

class QSqlQuery;

namespace atalaya {

class Database;
struct LiveScanPart;

// The SELECT a live scan's chunks run (core/storage/LiveScan.h), and its rows as each part sees
// them.
struct ScanSql {
    QString select;  // up to the id range
    QVariantList values;
    std::vector<std::vector<int>> at;  // each part's columns in the result
};

// A column two parts ask for (the hour, the agent) is read once; columns with bound values are
// never shared, as their values differ.
ScanSql scanSql(const std::vector<LiveScanPart *> &parts);

// One read of the ids (from, to]; `each` gets every row's id and its row per part.
using EachRow = std::function<void(qint64 id, size_t part, const ScanRow &row)>;

// MySQL: the text protocol with the values written in (withLiterals; the driver escapes them),
// the whole range stored client-side before the rows are handed out: ~10 × faster than
// QSqlQuery's QVariant per value. The rows are held (shared locks) until the chunk commits.
Status readNative(const Database &db, const ScanSql &sql, const QString &literals, qint64 from, qint64 to,
                  const EachRow &each);
// SQLite: `q` prepared with the select and the id range's two placeholders.
Status readQuery(const Database &db, QSqlQuery &q, const ScanSql &sql, qint64 from, qint64 to, const EachRow &each);
// The values of `sql` written into its text as literals.
QString withLiterals(const Database &db, const ScanSql &sql);

}  // namespace atalaya

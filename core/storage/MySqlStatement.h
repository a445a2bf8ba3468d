#pragma once

#include "core/common/Result.h"

#include <QByteArray>

#include <functional>
#include <memory>

struct st_mysql;

namespace atalaya {

class Database;

// This thread's native MySQL connection (QSqlDriver::handle()); `what` names the work in the error.
Result<st_mysql *> mysqlHandle(const Database &db, const QString &what);

// A prepared statement on this thread's MySQL connection whose values are bound straight from
// the caller's buffers through the client library. Why not QSqlQuery: Qt 6.4's
// QSqlResult::bindValue builds a placeholder name and a hash entry per value and the driver
// copies each QVariant to UTF-8 again, ~1 µs a value; for bulk inserts (9 values a row, and
// 23 a rollup row) that was over half of the client's time under perf. Bulk writes only;
// everything else stays on QSqlQuery. Text values point into memory the caller keeps alive
// until execute() returns.
class MySqlStatement {
public:
    ~MySqlStatement();
    MySqlStatement(const MySqlStatement &) = delete;
    MySqlStatement &operator=(const MySqlStatement &) = delete;

    // MySQL/MariaDB connections only; `what` names the work in the error.
    static Result<std::unique_ptr<MySqlStatement>> prepare(const Database &db, const QByteArray &sql,
                                                           const QString &what);

    int parameterCount() const;
    void bindText(int index, const QByteArray &utf8);
    void bindBlob(int index, const QByteArray &bytes);
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    // Runs with the values bound since the last run; returns the first AUTO_INCREMENT id the
    // statement generated (0 when none).
    Result<qint64> execute(const QString &what);

private:
    struct Private;
    explicit MySqlStatement(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

// Writes `rows` rows as multi-row statements of at most `perStatement` rows, all natively bound:
// the full-size statement is prepared once and reused, a shorter rest gets its own.
// sqlFor(n) is the statement for n rows; bindRow(statement, firstParameter, row) binds one row.
Status executeRowBatches(const Database &db, size_t rows, size_t perStatement,
                         const std::function<QByteArray(size_t)> &sqlFor,
                         const std::function<void(MySqlStatement &, int, size_t)> &bindRow, const QString &what);

}  // namespace atalaya

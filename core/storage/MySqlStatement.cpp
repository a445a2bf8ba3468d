#include "core/storage/MySqlStatement.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QSqlDriver>
#include <QSqlError>

#include <mysql.h>

#include <vector>

namespace atalaya {

struct MySqlStatement::Private {
    const Database *db = nullptr;
    MYSQL_STMT *stmt = nullptr;
    std::vector<MYSQL_BIND> binds;
    std::vector<long long> ints;
    std::vector<unsigned long> lengths;

    Error error(const QString &what) const
    {
        return sqlError(*db,
                        QSqlError(QString(), QString::fromUtf8(mysql_stmt_error(stmt)), QSqlError::StatementError,
                                  QString::number(mysql_stmt_errno(stmt))),
                        what);
    }
};

Result<st_mysql *> mysqlHandle(const Database &db, const QString &what)
{
    // Qt documents QSqlDriver::handle() as the way to the native connection; Qt 6 names the
    // type by its struct ("st_mysql*"), older docs by the typedef.
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "st_mysql*") != 0 && qstrcmp(handle.typeName(), "MYSQL*") != 0))
        return makeError(ErrorCode::Internal, QStringLiteral("%1 failed: not a MySQL connection").arg(what));
    MYSQL *mysql = *static_cast<MYSQL *const *>(handle.constData());
    if (!mysql)
        return makeError(ErrorCode::Unavailable, QStringLiteral("%1 failed: the connection is closed").arg(what));
    return mysql;
}

MySqlStatement::MySqlStatement(std::unique_ptr<Private> p) : d(std::move(p)) { }

MySqlStatement::~MySqlStatement()
{
    if (d->stmt)
        mysql_stmt_close(d->stmt);
}

Result<std::unique_ptr<MySqlStatement>> MySqlStatement::prepare(const Database &db, const QByteArray &sql,
                                                                const QString &what)
{
    auto handle = mysqlHandle(db, what);
    if (!handle)
        return handle.error();
    MYSQL *mysql = *handle;
    auto p = std::make_unique<Private>();
    p->db = &db;
    p->stmt = mysql_stmt_init(mysql);
    if (!p->stmt)
        return makeError(ErrorCode::Internal, QStringLiteral("%1 failed: out of memory").arg(what));
    std::unique_ptr<MySqlStatement> s(new MySqlStatement(std::move(p)));
    if (mysql_stmt_prepare(s->d->stmt, sql.constData(), static_cast<unsigned long>(sql.size())) != 0)
        return s->d->error(what);
    const auto n = static_cast<size_t>(mysql_stmt_param_count(s->d->stmt));
    s->d->binds.assign(n, MYSQL_BIND{});
    s->d->ints.assign(n, 0);
    s->d->lengths.assign(n, 0);
    for (size_t i = 0; i < n; ++i)
        s->bindNull(static_cast<int>(i));
    return s;
}

int MySqlStatement::parameterCount() const
{
    return static_cast<int>(d->binds.size());
}

void MySqlStatement::bindText(int index, const QByteArray &utf8)
{
    const auto i = static_cast<size_t>(index);
    MYSQL_BIND &b = d->binds[i];
    b.buffer_type = MYSQL_TYPE_STRING;
    b.buffer = const_cast<char *>(utf8.constData());
    d->lengths[i] = static_cast<unsigned long>(utf8.size());
    b.buffer_length = d->lengths[i];
    b.length = &d->lengths[i];
}

void MySqlStatement::bindBlob(int index, const QByteArray &bytes)
{
    bindText(index, bytes);
    d->binds[static_cast<size_t>(index)].buffer_type = MYSQL_TYPE_BLOB;
}

void MySqlStatement::bindInt(int index, qint64 value)
{
    const auto i = static_cast<size_t>(index);
    MYSQL_BIND &b = d->binds[i];
    d->ints[i] = value;
    b.buffer_type = MYSQL_TYPE_LONGLONG;
    b.buffer = &d->ints[i];
    b.buffer_length = sizeof(long long);
    b.length = nullptr;
}

void MySqlStatement::bindNull(int index)
{
    MYSQL_BIND &b = d->binds[static_cast<size_t>(index)];
    b.buffer_type = MYSQL_TYPE_NULL;
    b.buffer = nullptr;
    b.buffer_length = 0;
    b.length = nullptr;
}

Result<qint64> MySqlStatement::execute(const QString &what)
{
    // The library copies the bind array, so it is handed over again for every run.
    if (mysql_stmt_bind_param(d->stmt, d->binds.data()) != 0 || mysql_stmt_execute(d->stmt) != 0)
        return d->error(what);
    return static_cast<qint64>(mysql_stmt_insert_id(d->stmt));
}

Status executeRowBatches(const Database &db, size_t rows, size_t perStatement,
                         const std::function<QByteArray(size_t)> &sqlFor,
                         const std::function<void(MySqlStatement &, int, size_t)> &bindRow, const QString &what)
{
    std::unique_ptr<MySqlStatement> full;
    for (size_t start = 0; start < rows; start += perStatement) {
        const size_t n = std::min(perStatement, rows - start);
        std::unique_ptr<MySqlStatement> rest;
        std::unique_ptr<MySqlStatement> &slot = n == perStatement ? full : rest;
        if (!slot) {
            auto prepared = MySqlStatement::prepare(db, sqlFor(n), what);
            if (!prepared)
                return prepared.error();
            slot = std::move(*prepared);
        }
        const int perRow = slot->parameterCount() / static_cast<int>(n);
        for (size_t i = 0; i < n; ++i)
            bindRow(*slot, static_cast<int>(i) * perRow, start + i);
        if (auto done = slot->execute(what); !done)
            return done.error();
    }
    return {};
}

}  // namespace atalaya

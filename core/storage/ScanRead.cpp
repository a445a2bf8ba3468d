#include "core/storage/ScanRead.h"

#include "core/storage/Database.h"
#include "core/storage/LiveScan.h"
#include "core/storage/MySqlStatement.h"
#include "core/storage/SqlUtil.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>

#include <mysql.h>

#include <cmath>

namespace atalaya {
namespace {

// MySQL's rows as the text protocol hands them over: no value is converted twice.
class NativeRow final : public ScanRow {
public:
    MYSQL_ROW row = nullptr;
    unsigned long *lengths = nullptr;
    const std::vector<int> *at = nullptr;  // the part's columns in the result
    int columns() const override { return int(at->size()); }
    bool isNull(int c) const override { return !row[(*at)[size_t(c)]]; }
    QByteArrayView text(int c) const override
    {
        const int i = (*at)[size_t(c)];
        return row[i] ? QByteArrayView(row[i], qsizetype(lengths[i])) : QByteArrayView();
    }
    qint64 integer(int c) const override { return scanInteger(row[(*at)[size_t(c)]]); }
};

class QueryRow final : public ScanRow {
public:
    const QSqlQuery *query = nullptr;
    const std::vector<int> *at = nullptr;
    mutable QByteArray value;
    int columns() const override { return int(at->size()); }
    bool isNull(int c) const override { return query->isNull((*at)[size_t(c)]); }
    QByteArrayView text(int c) const override
    {
        const QVariant v = query->value((*at)[size_t(c)]);
        value = v.typeId() == QMetaType::QByteArray ? v.toByteArray() : v.toString().toUtf8();
        return QByteArrayView(value);
    }
    qint64 integer(int c) const override
    {
        const QVariant v = query->value((*at)[size_t(c)]);
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        return ok ? n : std::llround(v.toDouble());
    }
};

}  // namespace

ScanSql scanSql(const std::vector<LiveScanPart *> &parts)
{
    ScanSql sql;
    QStringList columns{QStringLiteral("id")};
    for (const LiveScanPart *p : parts) {
        std::vector<int> &at = sql.at.emplace_back();
        for (const QString &column : p->columns) {
            const qsizetype known = column.contains(QLatin1Char('?')) ? -1 : columns.indexOf(column);
            at.push_back(int(known >= 0 ? known : columns.size()));
            if (known < 0)
                columns << column;
        }
        sql.values << p->values;
    }
    sql.select = QStringLiteral("SELECT %1 FROM ai_telemetry").arg(columns.join(QStringLiteral(", ")));
    return sql;
}

Status readNative(const Database &db, const ScanSql &sql, const QString &literals, qint64 from, qint64 to,
                  const EachRow &each)
{
    const QString what = QStringLiteral("reading ai_telemetry");
    auto handle = mysqlHandle(db, what);
    if (!handle)
        return handle.error();
    MYSQL *mysql = *handle;
    const QByteArray text =
        (literals + QStringLiteral(" WHERE id > %1 AND id <= %2 LOCK IN SHARE MODE").arg(from).arg(to)).toUtf8();
    auto failed = [&] {
        return sqlError(db,
                        QSqlError(QString(), QString::fromUtf8(mysql_error(mysql)), QSqlError::StatementError,
                                  QString::number(mysql_errno(mysql))),
                        what);
    };
    if (mysql_real_query(mysql, text.constData(), static_cast<unsigned long>(text.size())) != 0)
        return failed();
    MYSQL_RES *result = mysql_store_result(mysql);
    if (!result)
        return failed();
    NativeRow row;
    while ((row.row = mysql_fetch_row(result))) {
        row.lengths = mysql_fetch_lengths(result);
        const qint64 id = scanInteger(row.row[0]);
        for (size_t i = 0; i < sql.at.size(); ++i) {
            row.at = &sql.at[i];
            each(id, i, row);
        }
    }
    mysql_free_result(result);
    return {};
}

Status readQuery(const Database &db, QSqlQuery &q, const ScanSql &sql, qint64 from, qint64 to, const EachRow &each)
{
    int p = 0;
    for (const QVariant &v : sql.values)
        q.bindValue(p++, v);
    q.bindValue(p++, from);
    q.bindValue(p, to);
    if (!q.exec())
        return sqlError(db, q.lastError(), QStringLiteral("reading ai_telemetry"));
    QueryRow row;
    row.query = &q;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        for (size_t i = 0; i < sql.at.size(); ++i) {
            row.at = &sql.at[i];
            each(id, i, row);
        }
    }
    q.finish();
    return {};
}

QString withLiterals(const Database &db, const ScanSql &sql)
{
    const QSqlDriver *driver = db.connection().driver();
    QString text;
    qsizetype value = 0;
    for (QChar c : sql.select) {
        if (c != QLatin1Char('?') || value >= sql.values.size()) {
            text += c;
            continue;
        }
        const QVariant &v = sql.values[value++];
        QSqlField field(QString(), v.metaType());
        field.setValue(v);
        text += driver->formatValue(field);
    }
    return text;
}

}  // namespace atalaya

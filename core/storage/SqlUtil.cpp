#include "core/storage/SqlUtil.h"

#include "core/logging/Logging.h"

#include <QSqlError>

namespace atalaya {
namespace {
const char kPrivilegeHint[] = " — the database account lacks the privilege; use an account that "
                              "may do this, or ask your DBA";
}  // namespace

bool isPermissionDenied(const Error &error)
{
    return error.code == ErrorCode::Unavailable && error.message.endsWith(QString::fromUtf8(kPrivilegeHint));
}

Result<QStringList> triggersOnTelemetry(const Database &db)
{
    const QString sql = db.dialect().isMySql()
        ? QStringLiteral("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
                         " AND event_object_table = 'ai_telemetry'")
        : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ai_telemetry'");
    auto q = execQuery(db, sql, {}, QStringLiteral("listing the triggers on ai_telemetry"));
    if (!q)
        return q.error();
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    return names;
}

Result<bool> telemetryHasAtMost(const Database &db, qint64 rows)
{
    auto count =
        execQuery(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT id FROM ai_telemetry LIMIT %1) t").arg(rows + 1), {},
                  QStringLiteral("sizing ai_telemetry"));
    if (!count)
        return count.error();
    return !count->next() || count->value(0).toLongLong() <= rows;
}

Error sqlError(const Database &db, const QSqlError &error, const QString &what)
{
    const QString native = error.nativeErrorCode();
    const QString text = error.text().trimmed();
    // MySQL: 1044/1045 access denied, 1142/1143 command denied, 2002/2003/2006/2013 gone away,
    // 1205/1213 lock wait timeout/deadlock (transient: the caller may retry).
    static const QStringList unavailable = {QStringLiteral("1044"), QStringLiteral("1045"), QStringLiteral("1142"),
                                            QStringLiteral("1143"), QStringLiteral("1227"), QStringLiteral("1290"),
                                            QStringLiteral("2002"), QStringLiteral("2003"), QStringLiteral("2006"),
                                            QStringLiteral("2013"), QStringLiteral("1205"), QStringLiteral("1213")};
    const bool readOnlySqlite = text.contains(QLatin1String("readonly"), Qt::CaseInsensitive);
    const bool busy = text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive);
    ErrorCode code = ErrorCode::Internal;
    QString hint;
    if (unavailable.contains(native) || error.type() == QSqlError::ConnectionError || readOnlySqlite || busy) {
        code = ErrorCode::Unavailable;
        if (native == QLatin1String("1142") || native == QLatin1String("1143") || native == QLatin1String("1044")
            || native == QLatin1String("1227") || readOnlySqlite)
            hint = QString::fromUtf8(kPrivilegeHint);
        else
            hint = QStringLiteral(" — check that the server is running and reachable");
    }
    qCWarning(lcStorage).noquote() << what << "failed on" << db.url().describe() << ":" << text;
    return makeError(code, QStringLiteral("%1 failed: %2%3").arg(what, text, hint));
}

Result<QSqlQuery> execQuery(const Database &db, const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(db, query.lastError(), what);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return sqlError(db, query.lastError(), what);
    return query;
}

Status execStatement(const Database &db, const QString &sql, const QVariantList &values, const QString &what)
{
    auto result = execQuery(db, sql, values, what);
    if (!result)
        return result.error();
    return {};
}

Status beginTransaction(const Database &db)
{
    QSqlDatabase c = db.connection();
    if (!c.transaction())
        return sqlError(db, c.lastError(), QStringLiteral("starting a transaction"));
    return {};
}

Status commitTransaction(const Database &db)
{
    QSqlDatabase c = db.connection();
    if (!c.commit()) {
        const QSqlError e = c.lastError();
        c.rollback();
        return sqlError(db, e, QStringLiteral("committing"));
    }
    return {};
}

void rollbackTransaction(const Database &db)
{
    db.connection().rollback();
}

}  // namespace atalaya

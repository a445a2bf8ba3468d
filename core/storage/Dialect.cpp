#include "core/storage/Dialect.h"

namespace atalaya {

QString Dialect::autoIncrementPrimaryKey() const
{
    return isMySql() ? QStringLiteral("id BIGINT AUTO_INCREMENT PRIMARY KEY")
                     : QStringLiteral("id INTEGER PRIMARY KEY AUTOINCREMENT");
}

QString Dialect::jsonType() const
{
    return isMySql() ? QStringLiteral("JSON") : QStringLiteral("TEXT");
}

QString Dialect::blobType() const
{
    return isMySql() ? QStringLiteral("LONGBLOB") : QStringLiteral("BLOB");
}

QString Dialect::tableSuffix() const
{
    return isMySql() ? QStringLiteral(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4") : QString();
}

QString Dialect::forUpdate() const
{
    return isMySql() ? QStringLiteral(" FOR UPDATE") : QString();
}

QString Dialect::hourOf(const QString &column) const
{
    return isMySql() ? QStringLiteral("HOUR(%1)").arg(column)
                     : QStringLiteral("CAST(strftime('%H', %1) AS INTEGER)").arg(column);
}

QString Dialect::exactMatch(const QString &column) const
{
    return isMySql() ? QStringLiteral("(%1 = ? AND CAST(%1 AS BINARY) = CAST(? AS BINARY))").arg(column)
                     : QStringLiteral("%1 = ?").arg(column);
}

QString Dialect::exactKey(const QString &column) const
{
    return isMySql() ? QStringLiteral("CAST(%1 AS BINARY)").arg(column) : column;
}

QString Dialect::exactTextType(int maxChars) const
{
    // utf8mb4 needs up to 4 bytes a character; SQLite's TEXT already compares bytes.
    return isMySql() ? QStringLiteral("VARBINARY(%1)").arg(maxChars * 4) : QStringLiteral("VARCHAR(%1)").arg(maxChars);
}

QString Dialect::hourNumberOf(const QString &column) const
{
    const QString hour = isMySql() ? QStringLiteral("TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', %1)").arg(column)
                                   : QStringLiteral("(CAST(strftime('%s', %1) AS INTEGER) / 3600)").arg(column);
    return QStringLiteral("COALESCE(%1, %2)").arg(hour).arg(kNoTimeSlot);
}

QString Dialect::dayNumberOf(const QString &column) const
{
    const QString day = isMySql() ? QStringLiteral("TIMESTAMPDIFF(DAY, '1970-01-01 00:00:00', %1)").arg(column)
                                  : QStringLiteral("(CAST(strftime('%s', %1) AS INTEGER) / 86400)").arg(column);
    return QStringLiteral("COALESCE(%1, %2)").arg(day).arg(kNoTimeSlot);
}

QString Dialect::epochSecondsOf(const QString &column) const
{
    return isMySql() ? QStringLiteral("TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', %1)").arg(column)
                     : QStringLiteral("CAST(strftime('%s', %1) AS INTEGER)").arg(column);
}

QString Dialect::utcTimeOf(const QString &column) const
{
    return isMySql() ? column : QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', %1)").arg(column);
}

QString Dialect::noTimePredicate(const QString &column) const
{
    // MariaDB stores an unreadable DATETIME as the zero date (non-strict sql_mode), which sorts
    // first: an index range, as is the expression index's NULL on SQLite.
    return isMySql() ? QStringLiteral("(%1 IS NULL OR %1 < '1000-01-01')").arg(column)
                     : QStringLiteral("%1 IS NULL").arg(utcTimeOf(column));
}

QString Dialect::upsertAdd(const QStringList &key, const QStringList &addColumns, const QStringList &setColumns) const
{
    QStringList assignments;
    for (const QString &c : addColumns)
        assignments
            << (isMySql() ? QStringLiteral("%1 = %1 + VALUES(%1)") : QStringLiteral("%1 = %1 + excluded.%1")).arg(c);
    for (const QString &c : setColumns)
        assignments << (isMySql() ? QStringLiteral("%1 = VALUES(%1)") : QStringLiteral("%1 = excluded.%1")).arg(c);
    if (isMySql())
        return QStringLiteral(" ON DUPLICATE KEY UPDATE ") + assignments.join(QStringLiteral(", "));
    return QStringLiteral(" ON CONFLICT(%1) DO UPDATE SET %2")
        .arg(key.join(QStringLiteral(", ")), assignments.join(QStringLiteral(", ")));
}

}  // namespace atalaya

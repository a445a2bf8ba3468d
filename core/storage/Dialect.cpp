#include "storage/Dialect.h"

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

} // namespace atalaya

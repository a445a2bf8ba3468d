#pragma once

#include <QDateTime>
#include <QVariant>

namespace atalaya {

// Storage format for created_at on both backends: UTC, sortable as text on SQLite.
QString toDbDateTime(const QDateTime &utc);
// The same text as toDbDateTime for a UTC instant in ms since the epoch, as Latin-1 bytes,
// without QDateTime's formatter (bulk inserts format one per row).
QByteArray toDbDateTimeBytes(qint64 msecsSinceEpoch);
// Accepts what either driver returns (QDateTime from QMYSQL, text from QSQLITE).
QDateTime fromDbDateTime(const QVariant &value);
// CLI/JSON form: ISO 8601 UTC with 'Z', milliseconds only when present.
QString toIsoUtc(const QDateTime &utc);
// Parses ISO 8601 with an offset or 'Z'; a value without one is taken as UTC.
QDateTime parseIsoUtc(const QString &text);

}  // namespace atalaya

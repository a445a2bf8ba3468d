#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace atalaya {

// One row of a live scan, by column (0 is the first of the part's columns): read from the
// server, or replayed from a build's journal.
class ScanRow {
public:
    virtual ~ScanRow() = default;
    virtual int columns() const = 0;
    virtual bool isNull(int column) const = 0;
    // The value as the server sent it as text (empty for NULL); valid until the next row.
    virtual QByteArrayView text(int column) const = 0;
    // Integers, and decimals rounded to the nearest one; 0 for NULL.
    virtual qint64 integer(int column) const = 0;
    // Text and binary values as stored.
    QByteArray bytes(int column) const { return isNull(column) ? QByteArray() : text(column).toByteArray(); }
};

// MySQL's live scans read created_at once, as microseconds since the epoch (NULL for a value
// that is no time), and take its hour and day from it: TIMESTAMPDIFF truncates toward zero, as
// integer division does, so these equal Dialect::hourNumberOf and dayNumberOf.
inline constexpr char kMicrosSinceEpochOfCreatedAt[] = "TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', created_at)";
inline constexpr qint64 kMicrosPerHour = 3600LL * 1000000;
inline constexpr qint64 kMicrosPerDay = 24 * kMicrosPerHour;
// The slot of `column` (microseconds): kNoTimeSlot when NULL.
qint64 slotOfMicros(const ScanRow &row, int column, qint64 microsPerSlot);

// A scanned value's integer(): the number a NUL-terminated text starts with, a decimal rounded
// half away from zero; 0 for none.
qint64 scanInteger(const char *text);

}  // namespace atalaya

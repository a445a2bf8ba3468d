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

// A scanned value's integer(): the number a NUL-terminated text starts with, a decimal rounded
// half away from zero; 0 for none.
qint64 scanInteger(const char *text);

}  // namespace atalaya

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace atalaya {

// RFC 4180 CSV in UTF-8 (docs/CLI.md `export csv`): `,` separator, CRLF line ends, fields quoted
// when they hold `,`, `"`, CR or LF. Spreadsheet formula injection is neutralised: a cell
// starting with = + - @ TAB or CR gets a leading ' (so a negative number is exported as '-5; exports
// hold counts, ratios and ids, which are never negative).
class CsvWriter {
public:
    explicit CsvWriter(const QStringList &header);

    void addRow(const QStringList &cells);
    QByteArray data() const { return m_data; }
    // The text written since the last take (the header included the first time), for writers
    // that stream rows to a file instead of holding them all.
    QByteArray takeData() { return std::exchange(m_data, {}); }
    int rowCount() const { return m_rows; }

    static QString escapeCell(const QString &cell);

private:
    QByteArray m_data;
    int m_rows = 0;
};

}  // namespace atalaya

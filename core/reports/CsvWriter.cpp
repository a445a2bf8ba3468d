#include "core/reports/CsvWriter.h"

namespace atalaya {

CsvWriter::CsvWriter(const QStringList &header)
{
    m_rows = -1;
    addRow(header);
}

QString CsvWriter::escapeCell(const QString &cell)
{
    QString v = cell;
    // OWASP's list: a spreadsheet also evaluates a formula after a leading TAB or CR.
    if (!v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n'))
        || v.contains(QLatin1Char('\r'));
    if (!quote)
        return v;
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

void CsvWriter::addRow(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &c : cells)
        escaped << escapeCell(c);
    m_data += escaped.join(QLatin1Char(',')).toUtf8();
    m_data += "\r\n";
    ++m_rows;
}

}  // namespace atalaya

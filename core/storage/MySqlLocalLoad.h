#pragma once

#include <QByteArray>
#include <QString>

namespace atalaya {

class Database;

// Rows as the text of LOAD DATA's default format (fields separated by tabs, rows ended by
// '\n', backslash escapes, \N for NULL). The bytes are data, never SQL: the server only splits
// them into column values.
class TsvRows {
public:
    void field(const QByteArray &value);
    void null();
    void endRow();
    void clear() { m_text.clear(); m_fieldOpen = false; }
    const QByteArray &text() const { return m_text; }

private:
    void separate();
    QByteArray m_text;
    bool m_fieldOpen = false;
};

struct LocalLoadOutcome {
    bool ok = false;
    QString error;  // when !ok: the server's or the client library's reason
    qint64 rows = 0;  // rows the server took
    unsigned warnings = 0;
};

// Runs `sql`, a constant `LOAD DATA LOCAL INFILE 'atalaya-rows' …` statement, on this thread's
// MySQL connection and streams `data` from memory as its file through the client library's
// local-infile handler: no file is read. Why: the server's per-value cost of prepared
// statements (Item_param per value) was a third of its time in bulk inserts (bench/INGEST.md).
// The server may refuse (local_infile=OFF): the caller then writes the rows another way.
// Note that LOCAL turns data errors into warnings (the server cannot stop the client's
// stream), so callers must check rows and warnings.
LocalLoadOutcome loadDataLocal(const Database &db, const QByteArray &sql, const QByteArray &data);

} // namespace atalaya

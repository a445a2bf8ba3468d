#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

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
    void clear()
    {
        m_text.clear();
        m_fieldOpen = false;
    }
    const QByteArray &text() const { return m_text; }
    QByteArray take();  // the text so far; starts afresh

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

// A constant `LOAD DATA LOCAL INFILE 'atalaya-rows' …` statement whose file is streamed from
// memory while it runs: the statement runs on a thread of its own over this thread's MySQL
// connection, and the caller hands it the file's bytes with write() as it encodes them, so the
// server starts on the first rows while the client is still encoding the rest. No file is read.
// Why LOAD DATA at all: the server's per-value cost of prepared statements (Item_param per
// value) was a third of its time in bulk inserts (docs/performance/INGEST.md).
// Until finish() returns, nothing else may use the connection. The server may refuse
// (local_infile=OFF): write() then returns false and finish() says why. LOCAL turns data
// errors into warnings (the server cannot stop the client's stream), so callers must check
// rows and warnings.
class LocalLoad {
public:
    static Result<std::unique_ptr<LocalLoad>> start(const Database &db, const QByteArray &sql);
    ~LocalLoad();  // ends the file and waits for the statement if finish() was not called
    LocalLoad(const LocalLoad &) = delete;
    LocalLoad &operator=(const LocalLoad &) = delete;

    // Appends to the file; waits while the server is more than a few MB behind. False once the
    // statement has ended early (refused or failed): the rest is dropped.
    bool write(QByteArray bytes);
    // Ends the file and waits for the server's answer.
    LocalLoadOutcome finish();

private:
    struct Private;
    explicit LocalLoad(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

}  // namespace atalaya

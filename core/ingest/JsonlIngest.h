#pragma once

#include "core/common/Result.h"
#include "core/telemetry/DecisionWriter.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

class QIODevice;

namespace atalaya {

class Database;

struct JsonlRejection {
    qint64 line = 0;  // 1-based, counting blank lines
    QString message;
    QByteArray text;  // the line as read, without its '\n'
};

struct JsonlIngestOptions {
    bool skipInvalid = false;
    // With skipInvalid: gets every rejected line in order before the commit; an error stops the
    // run and nothing is written.
    std::function<Status(const JsonlRejection &)> onRejected;
    std::function<void(qint64 sent)> progress;  // rows sent so far (committed at the end)
};

struct JsonlIngestReport {
    BatchReport written;
    qint64 rejected = 0;
    std::vector<JsonlRejection> firstRejections;  // the first kListedRejections
    static constexpr size_t kListedRejections = 20;
};

// `record --jsonl`: one decision per line (blank lines skipped). A parser thread reads `input`,
// validates each line (DecisionValidator) and encodes it while this thread writes the rows
// already parsed, all in one transaction (DecisionWriter), so parsing and the server's work
// overlap on two cores. Without skipInvalid an invalid line rolls the run back: the report then
// has inserted = 0 and counts every invalid line of the input. `input` is read on the parser
// thread only; leave it alone until this returns.
Result<JsonlIngestReport> ingestJsonl(const Database &db, QIODevice &input, const JsonlIngestOptions &options);

}  // namespace atalaya

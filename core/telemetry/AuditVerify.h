#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace atalaya {
class Database;
}

namespace atalaya::auditchain {

// Where the chain stops being what was written.
struct ChainBreak {
    enum class Kind {
        Altered,  // the audit row's content no longer hashes to its link
        Removed,  // the audit row of a link is gone
        LinkRemoved,  // a link (and its audit row) is gone: a gap in seq
        LinkAltered,  // a link's prev_hash is not the previous link's hash
        TailRemoved,  // links after the last one were removed (the head records more)
    };
    Kind kind = Kind::Altered;
    qint64 seq = 0;  // the first bad link
    std::optional<qint64> auditId;  // its audit row, when known
    QString message;  // one sentence naming the row
};
QString kindName(ChainBreak::Kind kind);

struct VerifyReport {
    qint64 chained = 0;  // links checked
    qint64 headSeq = 0;
    QString headHash;  // keep it outside the database to anchor the chain
    std::optional<ChainBreak> firstBreak;
    // Audit rows without a link: written directly by another system after Atalaya had chained
    // a later row (docs/DATA.md §Audit chain). Not evidence of tampering; nothing protects them.
    qint64 unchained = 0;
    QList<qint64> firstUnchained;  // up to 20 ids
    bool intact() const { return !firstBreak.has_value(); }
};

// Recomputes every link in seq order (reads only).
Result<VerifyReport> verify(const Database &db);

}  // namespace atalaya::auditchain

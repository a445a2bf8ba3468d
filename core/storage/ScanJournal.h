#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace atalaya {

class ScanRow;

// A live build's rows of one chunk as its journal keeps them (docs/DATA.md, "Building on a live
// table"): what a part read of each row, so that a resumed build gives the part the same rows
// without reading them again. A value is a varint: 0 for NULL, odd for an integer written as
// canonical decimal text (zigzag), even for a text or decimal, by its index in the chunk's
// strings (a new string follows its first index). About 20 bytes a row of the rollups' columns.
class ScanJournalWriter {
public:
    explicit ScanJournalWriter(int columns);
    void add(const ScanRow &row);
    // The chunk's bytes (a header alone for no row); the writer is empty again.
    QByteArray take();

private:
    void startChunk();
    void addValue(const char *text, qsizetype length, bool null);

    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    int m_columns = 0;
    qint64 m_rows = 0;
    QByteArray m_bytes;
    // Each string of the chunk by its index (from 1).
    std::unordered_map<std::string, quint64, Hash, std::equal_to<>> m_strings;
};

// Hands every row of a chunk's bytes to `each`; false when the bytes are not a journal chunk of
// `columns` columns.
bool replayScanJournal(const QByteArray &bytes, int columns, const std::function<void(const ScanRow &)> &each);

}  // namespace atalaya

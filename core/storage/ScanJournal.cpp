#include "core/storage/ScanJournal.h"

#include "core/storage/Dialect.h"
#include "core/storage/ScanRow.h"

#include <cmath>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

namespace atalaya {
namespace {

constexpr char kMagic = 'J';

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool getVarint(const char *&p, const char *end, quint64 &v)
{
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// Canonical decimal integers only ("-0", "007", "1.0" stay text): bytes() of a replayed value
// must be the text that was read.
bool canonicalInteger(const char *text, qsizetype length, qint64 &n)
{
    const qsizetype sign = length > 0 && text[0] == '-' ? 1 : 0;
    const qsizetype digits = length - sign;
    if (digits < 1 || digits > 18 || (text[sign] == '0' && (digits > 1 || sign)))
        return false;
    qint64 v = 0;
    for (qsizetype i = sign; i < length; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        v = v * 10 + (text[i] - '0');
    }
    n = sign ? -v : v;
    return true;
}

quint64 zigzag(qint64 n)
{
    return (quint64(n) << 1) ^ quint64(n >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

// A replayed row: integers as numbers, texts in the chunk's strings (NUL-terminated).
class JournalRow final : public ScanRow {
public:
    struct Value {
        enum Kind { Null, Integer, Text } kind = Null;
        qint64 n = 0;
        const QByteArray *text = nullptr;
    };
    std::vector<Value> values;
    mutable std::string number;

    int columns() const override { return int(values.size()); }
    bool isNull(int c) const override { return values[size_t(c)].kind == Value::Null; }
    QByteArrayView text(int c) const override
    {
        const Value &v = values[size_t(c)];
        if (v.kind == Value::Text)
            return QByteArrayView(*v.text);
        if (v.kind == Value::Null)
            return {};
        number = std::to_string(v.n);
        return QByteArrayView(number.data(), qsizetype(number.size()));
    }
    qint64 integer(int c) const override
    {
        const Value &v = values[size_t(c)];
        return v.kind == Value::Integer ? v.n : v.kind == Value::Text ? scanInteger(v.text->constData()) : 0;
    }
};

}  // namespace

qint64 slotOfMicros(const ScanRow &row, int column, qint64 microsPerSlot)
{
    return row.isNull(column) ? kNoTimeSlot : row.integer(column) / microsPerSlot;
}

qint64 scanInteger(const char *text)
{
    if (!text)
        return 0;
    char *end = nullptr;
    const long long n = std::strtoll(text, &end, 10);
    return *end == '.' ? std::llround(std::strtod(text, nullptr)) : n;
}

ScanJournalWriter::ScanJournalWriter(int columns) : m_columns(columns) { }

void ScanJournalWriter::addValue(const char *text, qsizetype length, bool null)
{
    if (null) {
        putVarint(m_bytes, 0);
        return;
    }
    qint64 n = 0;
    if (canonicalInteger(text, length, n)) {
        putVarint(m_bytes, 1 + 2 * zigzag(n));
        return;
    }
    const std::string_view key(text, size_t(length));
    if (const auto it = m_strings.find(key); it != m_strings.end()) {
        putVarint(m_bytes, 2 * it->second);
        return;
    }
    const quint64 index = m_strings.size() + 1;
    m_strings.emplace(std::string(key), index);
    putVarint(m_bytes, 2 * index);
    putVarint(m_bytes, quint64(length));
    m_bytes.append(text, length);
}

void ScanJournalWriter::add(const ScanRow &row)
{
    if (m_bytes.isEmpty())
        startChunk();
    for (int c = 0; c < m_columns; ++c) {
        const bool null = row.isNull(c);
        const QByteArrayView text = null ? QByteArrayView() : row.text(c);
        addValue(text.data(), text.size(), null);
    }
    ++m_rows;
}

void ScanJournalWriter::startChunk()
{
    m_bytes.append(kMagic);
    putVarint(m_bytes, quint64(m_columns));
}

QByteArray ScanJournalWriter::take()
{
    if (m_bytes.isEmpty())
        startChunk();
    QByteArray out = std::move(m_bytes);
    m_bytes = QByteArray();
    m_rows = 0;
    m_strings.clear();
    return out;
}

bool replayScanJournal(const QByteArray &bytes, int columns, const std::function<void(const ScanRow &)> &each)
{
    if (bytes.isEmpty())
        return false;
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    quint64 stored = 0;
    if (*p++ != kMagic || !getVarint(p, end, stored) || stored != quint64(columns))
        return false;
    // A deque: a new string leaves the row's earlier values where they are.
    std::deque<QByteArray> strings;
    JournalRow row;
    row.values.resize(size_t(columns));
    while (p < end) {
        for (auto &value : row.values) {
            quint64 v = 0;
            if (!getVarint(p, end, v))
                return false;
            if (v == 0) {
                value = {};
            } else if (v & 1) {
                value = {JournalRow::Value::Integer, unzigzag((v - 1) / 2), nullptr};
            } else {
                const quint64 index = v / 2;
                if (index == strings.size() + 1) {
                    quint64 length = 0;
                    if (!getVarint(p, end, length) || length > quint64(end - p))
                        return false;
                    strings.emplace_back(p, qsizetype(length));
                    p += length;
                } else if (index == 0 || index > strings.size()) {
                    return false;
                }
                value = {JournalRow::Value::Text, 0, &strings[size_t(index - 1)]};
            }
        }
        each(row);
    }
    return true;
}

}  // namespace atalaya

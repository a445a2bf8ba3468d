#include "core/aggregates/VersionCells.h"

#include "core/aggregates/Varint.h"

namespace atalaya {
namespace {

constexpr char kFormat = 1;

quint64 zigzag(qint64 v)
{
    return (static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return static_cast<qint64>(v >> 1) ^ -static_cast<qint64>(v & 1);
}

void putBytes(QByteArray &out, const QByteArray &bytes)
{
    putVarint(out, static_cast<quint64>(bytes.size()));
    out.append(bytes);
}

// `bytes` points into the caller's buffer (no copy): it must not outlive it.
bool getBytes(const char *&p, const char *end, QByteArray &bytes)
{
    quint64 size = 0;
    if (!getVarint(p, end, size) || size > static_cast<quint64>(end - p))
        return false;
    bytes = QByteArray::fromRawData(p, static_cast<qsizetype>(size));
    p += size;
    return true;
}

void mergeMin(std::optional<qint64> &mine, const std::optional<qint64> &other, bool lower)
{
    if (other && (!mine || (lower ? *other < *mine : *other > *mine)))
        mine = other;
}

}  // namespace

void VersionTotals::merge(const VersionTotals &o)
{
    n += o.n;
    correct += o.correct;
    partial += o.partial;
    incorrect += o.incorrect;
    confidenceSumE4 += o.confidenceSumE4;
    latency.merge(o.latency);
    reviewed.merge(o.reviewed);
    mergeMin(firstMs, o.firstMs, true);
    mergeMin(lastMs, o.lastMs, false);
}

void VersionCells::merge(const VersionCells &other)
{
    for (const auto &[key, totals] : other.m_versions)
        m_versions[key].merge(totals);
}

// Per version: a flag byte (1 when it has a version, +2 when it has times), the version's
// UTF-8 bytes, the counters as varints (the confidence sum zigzagged), first/last times, the
// latency sketch and the calibration cells as length-prefixed BLOBs of their own formats.
QByteArray VersionCells::serialize() const
{
    QByteArray out;
    out.append(kFormat);
    putVarint(out, m_versions.size());
    for (const auto &[key, t] : m_versions) {
        const bool timed = t.firstMs && t.lastMs;
        out.append(static_cast<char>((key ? 1 : 0) | (timed ? 2 : 0)));
        if (key)
            putBytes(out, key->toUtf8());
        for (qint64 v : {t.n, t.correct, t.partial, t.incorrect})
            putVarint(out, static_cast<quint64>(v));
        putVarint(out, zigzag(t.confidenceSumE4));
        if (timed) {
            putVarint(out, zigzag(*t.firstMs));
            putVarint(out, zigzag(*t.lastMs));
        }
        putBytes(out, t.latency.serialize());
        putBytes(out, t.reviewed.serialize());
    }
    return out;
}

bool VersionCells::mergeSerialized(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    const char *p = bytes.constData();
    const char *end = p + bytes.size();
    if (*p++ != kFormat)
        return false;
    quint64 count = 0;
    if (!getVarint(p, end, count))
        return false;
    VersionCells parsed;
    for (quint64 i = 0; i < count; ++i) {
        if (p >= end)
            return false;
        const auto flags = static_cast<unsigned char>(*p++);
        Key key;
        if (flags & 1) {
            QByteArray name;
            if (!getBytes(p, end, name))
                return false;
            key = QString::fromUtf8(name);
        }
        VersionTotals t;
        quint64 v[5];
        for (quint64 &x : v) {
            if (!getVarint(p, end, x))
                return false;
        }
        t.n = static_cast<qint64>(v[0]);
        t.correct = static_cast<qint64>(v[1]);
        t.partial = static_cast<qint64>(v[2]);
        t.incorrect = static_cast<qint64>(v[3]);
        t.confidenceSumE4 = unzigzag(v[4]);
        if (flags & 2) {
            quint64 first = 0, last = 0;
            if (!getVarint(p, end, first) || !getVarint(p, end, last))
                return false;
            t.firstMs = unzigzag(first);
            t.lastMs = unzigzag(last);
        }
        QByteArray latency, reviewed;
        if (!getBytes(p, end, latency) || !getBytes(p, end, reviewed) || !t.latency.mergeSerialized(latency)
            || !t.reviewed.mergeSerialized(reviewed))
            return false;
        // Moved, not merged: a reader parses thousands of rows, each into empty cells.
        if (auto [it, added] = parsed.m_versions.try_emplace(key, std::move(t)); !added)
            it->second.merge(t);
    }
    if (p != end)
        return false;
    if (m_versions.empty())
        m_versions = std::move(parsed.m_versions);
    else
        merge(parsed);
    return true;
}

}  // namespace atalaya

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atalaya {

// The distinct (agent, task type) pairs, or agents alone, a live scan meets, each under a small
// number: its per-row maps are then keyed by integers, not hashed and compared bytes (those
// lookups were most of the scan's client time at 10 M rows).
class ScanKeys {
public:
    quint32 idOf(QByteArrayView first, QByteArrayView second = {});
    const QByteArray &first(quint32 id) const { return m_pairs[id].first; }
    const QByteArray &second(quint32 id) const { return m_pairs[id].second; }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, quint32, Hash, std::equal_to<>> m_ids;
    std::vector<std::pair<QByteArray, QByteArray>> m_pairs;
    std::string m_probe;  // the lookup's key, reused: no allocation a row
};

// A slot (hour or day number, kNoTimeSlot included) and a ScanKeys id as one integer key, and
// its hash for std::unordered_map.
quint64 slotKey(qint64 slot, quint32 id);
qint64 slotOfKey(quint64 key);
quint32 idOfKey(quint64 key);
struct SlotKeyHash {
    size_t operator()(quint64 key) const
    {
        key ^= key >> 33;
        key *= 0xff51afd7ed558ccdULL;
        key ^= key >> 33;
        return size_t(key);
    }
};

}  // namespace atalaya

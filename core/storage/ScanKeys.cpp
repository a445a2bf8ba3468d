#include "core/storage/ScanKeys.h"

#include "core/storage/Dialect.h"

namespace atalaya {
namespace {

// Slots from kNoTimeSlot up to year 9999's hours fit in 31 bits once moved past 0, ids in 24.
constexpr int kIdBits = 24;
constexpr qint64 kSlotBase = -kNoTimeSlot;

}  // namespace

quint32 ScanKeys::idOf(QByteArrayView first, QByteArrayView second)
{
    // The first part's length leads, so that no two pairs share a key.
    const quint32 length = quint32(first.size());
    m_probe.assign(reinterpret_cast<const char *>(&length), sizeof length);
    m_probe.append(first.data(), size_t(first.size()));
    m_probe.append(second.data(), size_t(second.size()));
    if (const auto it = m_ids.find(std::string_view(m_probe)); it != m_ids.end())
        return it->second;
    const auto id = quint32(m_pairs.size());
    m_pairs.emplace_back(first.toByteArray(), second.toByteArray());
    m_ids.emplace(m_probe, id);
    return id;
}

quint64 slotKey(qint64 slot, quint32 id)
{
    return (quint64(slot + kSlotBase) << kIdBits) | id;
}

qint64 slotOfKey(quint64 key)
{
    return qint64(key >> kIdBits) - kSlotBase;
}

quint32 idOfKey(quint64 key)
{
    return quint32(key & ((quint64(1) << kIdBits) - 1));
}

}  // namespace atalaya

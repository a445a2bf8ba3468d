#pragma once

#include <QByteArray>

namespace atalaya {

// LEB128 unsigned varints of the rollup BLOBs (latency sketches, calibration cells).
inline void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(static_cast<char>(v));
}

// False at a truncated or over-long varint.
inline bool getVarint(const char *&p, const char *end, quint64 &v)
{
    v = 0;
    for (int shift = 0; p < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(*p++);
        v |= static_cast<quint64>(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

}  // namespace atalaya

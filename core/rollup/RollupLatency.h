#pragma once

#include "common/Result.h"
#include "stats/LatencySketch.h"

#include <QString>

#include <map>
#include <tuple>
#include <vector>

namespace atalaya {
class Database;
}

namespace atalaya::rollup {

struct HourKey {
    qint64 hour = 0;
    QString agentId;
    QString taskType;
    bool operator<(const HourKey &o) const
    {
        return std::tie(hour, agentId, taskType) < std::tie(o.hour, o.agentId, o.taskType);
    }
};

struct LatencyPart {
    LatencySketch sketch;
    std::optional<qint64> min;
    std::optional<qint64> max;
};

// A stale latency section and the lat_version it was read at.
struct StaleHour {
    HourKey key;
    qint64 version = 0;
};

// Recomputes the latency sections of `stale` from the raw rows of their hours and stores
// each one unless its hour changed meanwhile (lat_version moved on). Storing is best effort:
// a read-only account or a busy database still gets the recomputed figures.
Result<std::map<HourKey, LatencyPart>> rebuildLatency(const Database &db, const std::vector<StaleHour> &stale);

} // namespace atalaya::rollup

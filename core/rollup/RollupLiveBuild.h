#pragma once

#include "core/storage/ChunkedBuild.h"

#include <memory>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// The rollups' share of a live scan (core/storage/ChunkedBuild.h): each row's counters (the
// rollup triggers' SQL expressions, summed here per hour) and its latency and reviewed values,
// gathered per hour row; write() adds the counters of both levels to what the triggers wrote
// meanwhile, then stores the sections of every row no trigger touched since the scan's snapshot
// (lat_version and cal_version still 0; the others stay stale for buildStaleSections).
class LiveRollupPart {
public:
    LiveRollupPart(const Database &db, qint64 cut, std::function<Status()> arm);
    ~LiveRollupPart();
    LiveRollupPart(const LiveRollupPart &) = delete;
    LiveRollupPart &operator=(const LiveRollupPart &) = delete;

    LiveScanPart &part() { return m_part; }

private:
    struct Gathered;
    Status write(const ProgressFn &progress);

    const Database &m_db;
    std::unique_ptr<Gathered> m_gathered;
    LiveScanPart m_part;
};

}  // namespace atalaya::rollup

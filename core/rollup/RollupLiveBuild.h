#pragma once

#include "core/storage/LiveScan.h"

#include <memory>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::rollup {

// The rollups' share of a live scan (core/storage/LiveScan.h): each row's counters (the
// rollup triggers' SQL expressions, summed here per hour), its latency and reviewed values and
// its model version's totals, gathered per hour row; write() adds the counters of both levels
// to what the triggers wrote meanwhile, then stores the sections of every row no trigger
// touched since the build started (lat_version, cal_version and ver_version still 0; the others
// stay stale for buildStaleSections).
class LiveRollupPart {
public:
    // `part` has what the build's state says (its journal, cut, done and how to record done).
    LiveRollupPart(const Database &db, LiveScanPart part);
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

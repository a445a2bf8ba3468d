#pragma once

#include "core/queue/ReviewRules.h"
#include "core/storage/LiveScan.h"
#include "core/storage/ScanKeys.h"

#include <QByteArray>

#include <map>
#include <unordered_map>

namespace atalaya {
class Database;
}  // namespace atalaya

namespace atalaya::queuecounts {

// One rule set's share of a live scan (core/storage/LiveScan.h): each pending row's
// priority code, evaluated by the SQL its triggers use, counted per (hour, agent, code) and
// per (agent, code); write() adds the counts to what the triggers wrote meanwhile.
class LiveQueueCountsPart {
public:
    // `part` has what the build's state says (its journal, cut, done and how to record done).
    LiveQueueCountsPart(const Database &db, const ReviewRules &rules, LiveScanPart part);

    LiveScanPart &part() { return m_part; }

private:
    Status write();

    const Database &m_db;
    QByteArray m_id;
    // (hour, agent, code) → rows, by slotKey(hour, agent id × 16 + code): rows spread over
    // months have a key nearly each.
    ScanKeys m_agents;
    std::unordered_map<quint64, qint64, SlotKeyHash> m_hours;
    std::map<std::pair<QByteArray, qint64>, qint64> m_totals;  // (agent, code) → rows, from the hours
    LiveScanPart m_part;
};

}  // namespace atalaya::queuecounts

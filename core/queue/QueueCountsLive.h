#pragma once

#include "core/queue/ReviewRules.h"
#include "core/storage/LiveScan.h"

#include <QByteArray>

#include <map>
#include <tuple>

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
    std::map<std::tuple<qint64, QByteArray, qint64>, qint64> m_hours;  // (hour, agent, code) → rows
    std::map<std::pair<QByteArray, qint64>, qint64> m_totals;  // (agent, code) → rows
    LiveScanPart m_part;
};

}  // namespace atalaya::queuecounts

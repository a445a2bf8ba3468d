#pragma once

#include "core/queue/ReviewRules.h"
#include "core/storage/LiveScan.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>

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
    // (hour, agent, code) → rows, hashed: rows spread over months have a key nearly each, and
    // an ordered map's byte comparisons were most of the scan's client time.
    struct CountKey {
        qint64 hour = 0;
        QByteArray agentId;
        qint64 code = 0;
        bool operator==(const CountKey &) const = default;
    };
    struct CountKeyView {
        qint64 hour = 0;
        QByteArrayView agentId;
        qint64 code = 0;
    };
    struct CountKeyHash {
        using is_transparent = void;
        size_t operator()(const CountKeyView &k) const { return qHashMulti(0, k.hour, k.agentId, k.code); }
        size_t operator()(const CountKey &k) const { return (*this)(CountKeyView{k.hour, k.agentId, k.code}); }
    };
    struct CountKeyEqual {
        using is_transparent = void;
        static CountKeyView view(const CountKey &k) { return {k.hour, k.agentId, k.code}; }
        static CountKeyView view(const CountKeyView &k) { return k; }
        template <typename A, typename B> bool operator()(const A &a, const B &b) const
        {
            const CountKeyView x = view(a), y = view(b);
            return x.hour == y.hour && x.agentId == y.agentId && x.code == y.code;
        }
    };
    std::unordered_map<CountKey, qint64, CountKeyHash, CountKeyEqual> m_hours;
    std::map<std::pair<QByteArray, qint64>, qint64> m_totals;  // (agent, code) → rows, from the hours
    LiveScanPart m_part;
};

}  // namespace atalaya::queuecounts

#include "core/queue/QueueCountsSets.h"

#include "core/queue/QueueCountsSchema.h"
#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"
#include "core/storage/TelemetryTriggers.h"

#include <algorithm>

namespace atalaya::queuecounts {
namespace {

QString table(const char *name)
{
    return QLatin1String(name);
}

}  // namespace

Status setState(const Database &db, const QString &id, const char *name, const QString &value)
{
    return execStatement(db,
                         QStringLiteral("INSERT INTO %1 (rules_id, name, value) VALUES (?, ?, ?)%2")
                             .arg(table(kStateTable),
                                  db.dialect().upsertAdd({QStringLiteral("rules_id"), QStringLiteral("name")}, {},
                                                         {QStringLiteral("value")})),
                         {id, QLatin1String(name), value}, QStringLiteral("recording the queue counts state"));
}

Status clearState(const Database &db, const QString &id, const char *name)
{
    return execStatement(db, QStringLiteral("DELETE FROM %1 WHERE rules_id = ? AND name = ?").arg(table(kStateTable)),
                         {id, QLatin1String(name)}, QStringLiteral("clearing the queue counts state"));
}

Status clearBuildState(const Database &db, const QString &id)
{
    for (const char *name : {kCutState, kDoneState}) {
        if (Status s = clearState(db, id, name); !s)
            return s;
    }
    return {};
}

Result<std::map<QString, SetState>> readStates(const Database &db)
{
    auto q = execQuery(db, QStringLiteral("SELECT rules_id, name, value FROM %1").arg(table(kStateTable)), {},
                       QStringLiteral("reading the queue counts state"));
    if (!q)
        return q.error();
    std::map<QString, SetState> states;
    while (q->next()) {
        SetState &st = states[q->value(0).toString()];
        if (q->value(1).toString() == QLatin1String(kRulesState))
            st.rules = q->value(2).toString();
        else if (q->value(1).toString() == QLatin1String(kReadyState))
            st.builtAt = q->value(2).toLongLong();
    }
    return states;
}

Result<SetState> readState(const Database &db, const QString &id)
{
    auto states = readStates(db);
    if (!states)
        return states.error();
    const auto it = states->find(id);
    return it == states->end() ? SetState{} : it->second;
}

Result<bool> triggersExist(const Database &db, const QString &id)
{
    return telemetryTriggersExist(db, triggerNames(id));
}

Status dropTriggers(const Database &db, const QString &id)
{
    forgetTelemetryTriggers(db);
    for (const QString &name : triggerNames(id)) {
        if (Status s = execStatement(db, QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(name), {},
                                     QStringLiteral("dropping trigger %1").arg(name));
            !s)
            return s;
    }
    return {};
}

Status dropSet(const Database &db, const QString &id)
{
    if (Status s = dropTriggers(db, id); !s)
        return s;
    return inTransaction(db, [&]() -> Status {
        for (const char *t : {kStateTable, kHourTable, kTotalTable}) {
            if (Status s = execStatement(db, QStringLiteral("DELETE FROM %1 WHERE rules_id = ?").arg(table(t)), {id},
                                         QStringLiteral("dropping old queue counts from %1").arg(table(t)));
                !s)
                return s;
        }
        return {};
    });
}

Status dropOldestSets(const Database &db, const QString &keep)
{
    auto states = readStates(db);
    if (!states)
        return states.error();
    std::vector<std::pair<qint64, QString>> others;
    for (const auto &[id, st] : *states) {
        if (id == keep)
            continue;
        // Triggers of an older generation may refuse writes the current ones accept.
        if (st.rules && rulesIdOfKey(*st.rules) != id) {
            if (Status s = dropSet(db, id); !s)
                return s;
            continue;
        }
        others.emplace_back(st.builtAt.value_or(0), id);
    }
    std::sort(others.begin(), others.end());
    for (size_t i = 0; i + kMaxRuleSets <= others.size(); ++i) {
        if (Status s = dropSet(db, others[i].second); !s)
            return s;
    }
    return {};
}

}  // namespace atalaya::queuecounts

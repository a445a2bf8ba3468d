#include "core/storage/ReplicaRoute.h"

#include "core/logging/Logging.h"
#include "core/storage/ConnectionHealth.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QMutex>

namespace atalaya::replica_route {
namespace {

// By Database::instanceKey(), as ConnectionHealth keeps its state: Database stays as it is.
struct Registry {
    QMutex mutex;
    QHash<QString, const Database *> primaryOfReplica;
    QHash<QString, QString> downReason;  // by the primary's key; present while down
};

Registry &registry()
{
    static Registry r;
    return r;
}

}  // namespace

void link(const Database &replica, const Database &primary)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.primaryOfReplica.insert(replica.instanceKey(), &primary);
}

const Database *primaryOf(const Database &replica)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.primaryOfReplica.value(replica.instanceKey(), nullptr);
}

void lost(const Database &primary, const QString &reason)
{
    const Database *replica = primary.replica();
    if (!replica)
        return;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        auto it = r.downReason.find(primary.instanceKey());
        if (it != r.downReason.end() && *it == reason)
            return;
        r.downReason.insert(primary.instanceKey(), reason);
    }
    logEvent(lcStorage(), QtWarningMsg, QStringLiteral("read replica down: reads go to the primary"),
             {{QStringLiteral("replica"), replica->url().describe()}, {QStringLiteral("reason"), reason}});
}

void answered(const Database &primary)
{
    const Database *replica = primary.replica();
    if (!replica)
        return;
    {
        Registry &r = registry();
        QMutexLocker lock(&r.mutex);
        if (!r.downReason.remove(primary.instanceKey()))
            return;
    }
    // The read threads' replica connections are from before the outage: dead.
    invalidateConnections(*replica);
    logEvent(lcStorage(), QtInfoMsg, QStringLiteral("read replica back: reads go to it again"),
             {{QStringLiteral("replica"), replica->url().describe()}});
}

QString downReason(const Database &primary)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.downReason.value(primary.instanceKey());
}

bool isDown(const Database &primary)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.downReason.contains(primary.instanceKey());
}

void forget(const Database &db)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.primaryOfReplica.remove(db.instanceKey());
    r.downReason.remove(db.instanceKey());
}

}  // namespace atalaya::replica_route

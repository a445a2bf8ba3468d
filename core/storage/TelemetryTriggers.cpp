#include "core/storage/TelemetryTriggers.h"

#include "core/storage/Database.h"
#include "core/storage/SqlUtil.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>

#include <atomic>

namespace atalaya {
namespace {

struct Cached {
    QStringList names;  // lower case
    QDeadlineTimer expires;
};

std::atomic<qint64> g_intervalMs{5000};

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

// Keyed by Database::instanceKey(): unique per open Database for the life of the process.
QHash<QString, Cached> &cache()
{
    static QHash<QString, Cached> entries;
    return entries;
}

Result<QStringList> currentNames(const Database &db)
{
    {
        QMutexLocker lock(&cacheMutex());
        auto it = cache().constFind(db.instanceKey());
        if (it != cache().constEnd() && !it->expires.hasExpired())
            return it->names;
    }
    auto names = triggersOnTelemetry(db);
    if (!names)
        return names.error();
    QStringList lower;
    for (const QString &n : *names)
        lower << n.toLower();
    QMutexLocker lock(&cacheMutex());
    cache().insert(db.instanceKey(), {lower, QDeadlineTimer(g_intervalMs.load())});
    return lower;
}

}  // namespace

Result<bool> telemetryTriggersExist(const Database &db, const QStringList &names)
{
    auto existing = currentNames(db);
    if (!existing)
        return existing.error();
    for (const QString &name : names) {
        if (!existing->contains(name.toLower()))
            return false;
    }
    return true;
}

void forgetTelemetryTriggers(const Database &db)
{
    QMutexLocker lock(&cacheMutex());
    cache().remove(db.instanceKey());
}

std::chrono::milliseconds telemetryTriggersRecheckInterval()
{
    return std::chrono::milliseconds(g_intervalMs.load());
}

void setTelemetryTriggersRecheckInterval(std::chrono::milliseconds interval)
{
    g_intervalMs.store(interval.count());
    QMutexLocker lock(&cacheMutex());
    cache().clear();
}

}  // namespace atalaya

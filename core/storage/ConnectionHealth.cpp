#include "core/storage/ConnectionHealth.h"

#include "core/storage/Database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

namespace atalaya {
namespace {

struct Handle {
    quint64 generation = 0;
    bool inTransaction = false;
    QElapsedTimer failedAt;  // valid after a failed attempt to open it
};

struct Instance {
    quint64 generation = 0;
    std::optional<Error> openError;  // why the last attempt to open a connection failed
};

// Connection names start with their instance's key, so one table serves every Database.
struct Registry {
    QMutex mutex;
    QHash<QString, Instance> instances;
    QHash<QString, Handle> handles;
};

Registry &registry()
{
    static Registry r;
    return r;
}

}  // namespace

void invalidateConnections(const Database &db)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    ++r.instances[db.instanceKey()].generation;
}

Error notOpenError(const Database &db)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    return r.instances.value(db.instanceKey())
        .openError.value_or(makeError(
            ErrorCode::Unavailable,
            QStringLiteral("the connection to %1 is closed — check that the server is running and reachable")
                .arg(db.url().describe())));
}

void setInTransaction(const QSqlDatabase &connection, bool open)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.handles[connection.connectionName()].inTransaction = open;
}

namespace connection_health {

bool shouldReopen(const QString &instance, const QString &name, bool isOpen)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    Handle &h = r.handles[name];
    const quint64 generation = r.instances[instance].generation;
    if (h.inTransaction)
        return false;
    const bool stale = h.generation != generation;
    // Not on every statement of a page while the server is still down.
    const bool closed = !isOpen && (!h.failedAt.isValid() || h.failedAt.elapsed() >= kReopenMs);
    if (!stale && !closed)
        return false;
    h.generation = generation;
    return true;
}

void opened(const QString &instance, const QString &name, const Status &status)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    Handle &h = r.handles[name];
    Instance &i = r.instances[instance];
    h.inTransaction = false;
    if (status) {
        h.failedAt.invalidate();
        i.openError.reset();
        // A new connection is current whatever happened before it.
        h.generation = i.generation;
    } else {
        h.failedAt.start();
        i.openError = status.error();
    }
}

void forget(const QString &instance, const QStringList &names)
{
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    r.instances.remove(instance);
    for (const QString &name : names)
        r.handles.remove(name);
}

}  // namespace connection_health
}  // namespace atalaya

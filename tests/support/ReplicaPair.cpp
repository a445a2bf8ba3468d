#include "tests/support/ReplicaPair.h"
#include "tests/support/TestDatabases.h"

#include "core/setup/SchemaInstaller.h"

#include <QVariant>

namespace atalaya::test {
namespace {

// Root over a server's socket (the fixture runs as the OS user, socket authentication).
bool rootExec(const QString &socket, const QString &sql, QVariant *firstValue = nullptr)
{
    return execOverSocket(socket, QStringLiteral("root"), QString(), sql, firstValue);
}

}  // namespace

ReplicaPair ReplicaPair::create(const QString &user)
{
    ReplicaPair pair;
    pair.info = fixtureInfo("ATALAYA_TEST_REPLICA", "mariadb_replica");
    if (pair.info.isEmpty())
        return pair;
    const QString name = uniqueDatabaseName(QStringLiteral("r"));
    if (!rootExec(pair.info.value(QStringLiteral("PRIMARY_SOCKET")),
                  QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4").arg(name)))
        return pair;
    pair.password = pair.info.value(QStringLiteral("PASSWORD"));
    pair.primaryUrl =
        QStringLiteral("mysql://%1@127.0.0.1:%2/%3").arg(user, pair.info.value(QStringLiteral("PRIMARY_PORT")), name);
    pair.replicaUrl =
        QStringLiteral("mysql://%1@127.0.0.1:%2/%3").arg(user, pair.info.value(QStringLiteral("REPLICA_PORT")), name);
    pair.name = name;
    if (!pair.waitForReplica())
        pair.name.clear();
    return pair;
}

std::shared_ptr<Database> ReplicaPair::openPair(bool initialize) const
{
    auto db = openPrimary();
    if (!db)
        return nullptr;
    auto replicaUrl = DbUrl::parse(this->replicaUrl);
    if (Status s = db->attachReplica(*replicaUrl, password); !s) {
        qWarning("%s", qPrintable(s.error().message));
        return nullptr;
    }
    if (initialize) {
        if (auto init = prepareForApp(*db); !init) {
            qWarning("init failed: %s", qPrintable(init.error().message));
            return nullptr;
        }
    }
    return db;
}

std::shared_ptr<Database> ReplicaPair::openPrimary() const
{
    return openUrl(primaryUrl, password);
}

std::shared_ptr<Database> ReplicaPair::openReplica() const
{
    return openUrl(replicaUrl, password);
}

bool ReplicaPair::waitForReplica(int timeoutSeconds) const
{
    QVariant position;
    if (!rootExec(info.value(QStringLiteral("PRIMARY_SOCKET")), QStringLiteral("SELECT @@gtid_binlog_pos"), &position))
        return false;
    QVariant reached;
    if (!rootExec(info.value(QStringLiteral("REPLICA_SOCKET")),
                  QStringLiteral("SELECT MASTER_GTID_WAIT('%1', %2)").arg(position.toString()).arg(timeoutSeconds),
                  &reached))
        return false;
    if (reached.toInt() != 0)
        qWarning("the replica did not reach %s within %d s", qPrintable(position.toString()), timeoutSeconds);
    return reached.toInt() == 0;
}

bool ReplicaPair::stopApplying() const
{
    return rootExec(info.value(QStringLiteral("REPLICA_SOCKET")), QStringLiteral("STOP SLAVE SQL_THREAD"));
}

bool ReplicaPair::startApplying() const
{
    return rootExec(info.value(QStringLiteral("REPLICA_SOCKET")), QStringLiteral("START SLAVE SQL_THREAD"));
}

}  // namespace atalaya::test

#pragma once

#include "core/storage/Database.h"

#include <QMap>
#include <QString>

#include <memory>

namespace atalaya::test {

// A new database on the primary + replica pair the `mariadb_replica` CTest fixture started
// (tests/support/mariadb-replica-fixture.sh, ATALAYA_TEST_REPLICA names its info.env): the
// database is created on the primary and reaches the replica by replication.
struct ReplicaPair {
    QMap<QString, QString> info;
    QString name;  // the database
    QString primaryUrl;  // without password, for the account `user`
    QString replicaUrl;
    QString password;

    // Creates the database (names start with r_, which the monitor-less account may use);
    // empty name on failure, with the reason printed.
    static ReplicaPair create(const QString &user = QStringLiteral("atalaya"));

    // The primary with the replica attached for reads (Database::attachReplica); null on failure.
    std::shared_ptr<Database> openPair(bool initialize = true) const;
    // Only one server, for comparisons and to look at the replica as it is.
    std::shared_ptr<Database> openPrimary() const;
    std::shared_ptr<Database> openReplica() const;

    // Waits until the replica has applied everything the primary has committed so far.
    bool waitForReplica(int timeoutSeconds = 30) const;
    // STOP/START SLAVE SQL_THREAD on the replica: events keep arriving but are not applied.
    bool stopApplying() const;
    bool startApplying() const;
};

}  // namespace atalaya::test

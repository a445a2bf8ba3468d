#pragma once

#include "core/common/Result.h"

#include <QList>
#include <QString>

namespace atalaya {

enum class Backend { SQLite, MySQL };

// One server of a MySQL URL.
struct DbNode {
    QString host;
    int port = 3306;
    bool operator==(const DbNode &) const = default;
};

// A parsed `--db` URL (docs/CLI.md §Conventions). The password is never part of toString().
struct DbUrl {
    Backend backend = Backend::SQLite;
    QString path;  // SQLite file
    QString user;
    QString host;  // the first node
    int port = 3306;
    // The other nodes of a cluster URL, mysql://user@h1:p1,h2:p2,h3:p3/db, in the order written
    // (docs/DEPLOYMENTS.md §Galera cluster).
    QList<DbNode> moreNodes;
    QString database;
    QString socket;
    QString sslMode;  // "", disabled, preferred, required, verify-ca, verify-identity
    QString sslCa;
    QString passwordInUrl;  // allowed, but the CLI warns

    static Result<DbUrl> parse(const QString &text);
    // The embedded default: AppDataLocation/atalaya.db.
    static DbUrl embeddedDefault();

    // Every node, the first (host, port) included.
    QList<DbNode> nodes() const;
    bool isCluster() const { return !moreNodes.isEmpty(); }
    // This URL reduced to node i of nodes(): what one connection attempt uses.
    DbUrl atNode(qsizetype i) const;

    // Canonical form without password; also the keychain key for this connection.
    QString toString() const;
    // "MySQL atalaya@127.0.0.1:3306/atalaya" / "SQLite /path/atalaya.db"; a cluster names every
    // node: "MySQL atalaya@h1:3306,h2:3306/atalaya".
    QString describe() const;
    // Short, for the window title: the SQLite file's name, or host/database ("localhost" for a
    // socket).
    QString displayName() const;
};

}  // namespace atalaya

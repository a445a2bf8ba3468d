#pragma once

#include "core/common/Result.h"

#include <QString>

namespace atalaya {

enum class Backend { SQLite, MySQL };

// A parsed `--db` URL (docs/CLI.md §Conventions). The password is never part of toString().
struct DbUrl {
    Backend backend = Backend::SQLite;
    QString path;  // SQLite file
    QString user;
    QString host;
    int port = 3306;
    QString database;
    QString socket;
    QString sslMode;  // "", disabled, preferred, required, verify-ca, verify-identity
    QString sslCa;
    QString passwordInUrl;  // allowed, but the CLI warns

    static Result<DbUrl> parse(const QString &text);
    // The embedded default: AppDataLocation/atalaya.db.
    static DbUrl embeddedDefault();

    // Canonical form without password; also the keychain key for this connection.
    QString toString() const;
    // "MariaDB atalaya@127.0.0.1:3306/atalaya" / "SQLite /path/atalaya.db"
    QString describe() const;
    // Short, for the window title: the SQLite file's name, or host/database ("localhost" for a
    // socket).
    QString displayName() const;
};

}  // namespace atalaya

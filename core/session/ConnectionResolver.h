#pragma once

#include "core/common/Result.h"
#include "core/storage/DbUrl.h"

#include <QStringList>
#include <QUrl>

#include <optional>

namespace atalaya {

class SecretStore;

// Where the password of a connection came from, in the order they are tried.
enum class PasswordSource {
    None,  // SQLite, or nothing found: a server that needs one says so when connecting
    Environment,  // $ATALAYA_DB_PASSWORD
    Stdin,  // --password-stdin (CLI)
    Url,  // mysql://user:password@… (works, with a warning)
    Keychain,  // the entry the connection dialog saved
    Ask,  // "ask at each start" is set: the GUI asks, the keychain is not read
};

// What the front end knows before connecting.
struct ConnectionRequest {
    QString urlFlag;  // --db
    QString savedUrl;  // the GUI's Settings::databaseUrl(); empty for the CLI
    QString readUrlFlag;  // --read-db
    QString savedReadUrl;  // the GUI's Settings::readDatabaseUrl(); empty for the CLI
    std::optional<QString> stdinPassword;  // the line --password-stdin read
    bool askPasswordEachStart = false;  // the GUI's Settings::askPasswordEachStart()
};

struct ResolvedConnection {
    DbUrl url;
    QString password;
    PasswordSource source = PasswordSource::None;
    // The replica for reads, when one is named; its password and where that came from.
    std::optional<DbUrl> readUrl;
    QString readPassword;
    PasswordSource readSource = PasswordSource::None;
    QStringList warnings;  // one sentence each, for stderr or the log
};

// One place for how both binaries find the database, its password and the chat feed's token
// (docs/CLI.md §Choosing the database): the URL from --db, then $ATALAYA_DB, then the saved
// setting, then the embedded SQLite file; the password from $ATALAYA_DB_PASSWORD, then
// --password-stdin, then the URL itself, then the keychain (or, with "ask at each start",
// the user instead of the keychain). A read replica likewise: --read-db, then $ATALAYA_READ_DB,
// then the saved setting (none: reads go to the same server); its password from
// $ATALAYA_READ_DB_PASSWORD, then its URL, then the keychain entry of its URL, then the
// primary's (the same account on both servers is the usual set-up).
class ConnectionResolver {
public:
    // `store` null: SecretStore::system(), created when a secret is read.
    explicit ConnectionResolver(SecretStore *store = nullptr);

    static Result<DbUrl> resolveUrl(const ConnectionRequest &request);
    // The replica's URL; nullopt when none is named.
    static Result<std::optional<DbUrl>> resolveReadUrl(const ConnectionRequest &request);
    Result<ResolvedConnection> resolve(const ConnectionRequest &request) const;

    // The chat feed: --url, then $ATALAYA_CHAT_URL, then the saved setting.
    static QString chatFeedUrl(const QString &flag, const QString &saved);
    // The bearer token: --token-stdin when given, then the keychain entry of the feed URL.
    QString chatToken(const QUrl &feedUrl, const std::optional<QString> &stdinToken = {}) const;

private:
    Status resolveRead(const ConnectionRequest &request, ResolvedConnection &c) const;
    std::optional<QString> readSecret(const QString &key) const;

    SecretStore *m_store;
};

}  // namespace atalaya

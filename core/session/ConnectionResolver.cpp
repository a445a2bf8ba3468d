#include "core/session/ConnectionResolver.h"

#include "core/secrets/SecretStore.h"

namespace atalaya {

ConnectionResolver::ConnectionResolver(SecretStore *store) : m_store(store) { }

Result<DbUrl> ConnectionResolver::resolveUrl(const ConnectionRequest &request)
{
    QString text = request.urlFlag;
    if (text.isEmpty())
        text = qEnvironmentVariable("ATALAYA_DB");
    if (text.isEmpty())
        text = request.savedUrl;
    if (text.isEmpty())
        return DbUrl::embeddedDefault();
    return DbUrl::parse(text);
}

Result<std::optional<DbUrl>> ConnectionResolver::resolveReadUrl(const ConnectionRequest &request)
{
    QString text = request.readUrlFlag;
    if (text.isEmpty())
        text = qEnvironmentVariable("ATALAYA_READ_DB");
    if (text.isEmpty())
        text = request.savedReadUrl;
    if (text.isEmpty())
        return std::optional<DbUrl>();
    auto url = DbUrl::parse(text);
    if (!url)
        return makeError(url.error().code, QStringLiteral("--read-db: %1").arg(url.error().message));
    if (url->backend != Backend::MySQL)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--read-db names a MariaDB or MySQL replica "
                                        "(mysql://user@host:port/database), not a SQLite file"));
    return std::optional<DbUrl>(*url);
}

Result<ResolvedConnection> ConnectionResolver::resolve(const ConnectionRequest &request) const
{
    auto url = resolveUrl(request);
    if (!url)
        return url.error();
    ResolvedConnection c;
    c.url = *url;
    if (Status read = resolveRead(request, c); !read)
        return read.error();
    if (c.url.backend == Backend::SQLite)
        return c;
    // Said whether or not another source wins: the URL leaks either way.
    if (!c.url.passwordInUrl.isEmpty())
        c.warnings << QStringLiteral("a password inside the URL can leak through shell history and "
                                     "process lists; prefer ATALAYA_DB_PASSWORD or --password-stdin");
    if (qEnvironmentVariableIsSet("ATALAYA_DB_PASSWORD")) {
        c.password = qEnvironmentVariable("ATALAYA_DB_PASSWORD");
        c.source = PasswordSource::Environment;
    } else if (request.stdinPassword) {
        c.password = *request.stdinPassword;
        c.source = PasswordSource::Stdin;
    } else if (!c.url.passwordInUrl.isEmpty()) {
        c.password = c.url.passwordInUrl;
        c.source = PasswordSource::Url;
    } else if (request.askPasswordEachStart) {
        c.source = PasswordSource::Ask;
    } else if (auto saved = readSecret(SecretStore::databaseKey(c.url.toString()))) {
        c.password = *saved;
        c.source = PasswordSource::Keychain;
    }
    if (c.readUrl && c.readSource == PasswordSource::None) {
        c.readPassword = c.password;
        c.readSource = c.source;
    }
    return c;
}

Status ConnectionResolver::resolveRead(const ConnectionRequest &request, ResolvedConnection &c) const
{
    auto readUrl = resolveReadUrl(request);
    if (!readUrl)
        return readUrl.error();
    if (!*readUrl)
        return {};
    if (c.url.backend != Backend::MySQL)
        return makeError(ErrorCode::Usage,
                         QStringLiteral("--read-db needs a MariaDB or MySQL primary in --db; "
                                        "a SQLite file has no replicas"));
    c.readUrl = *readUrl;
    if (!c.readUrl->passwordInUrl.isEmpty())
        c.warnings << QStringLiteral("a password inside the --read-db URL can leak through shell history and "
                                     "process lists; prefer ATALAYA_READ_DB_PASSWORD");
    if (qEnvironmentVariableIsSet("ATALAYA_READ_DB_PASSWORD")) {
        c.readPassword = qEnvironmentVariable("ATALAYA_READ_DB_PASSWORD");
        c.readSource = PasswordSource::Environment;
    } else if (!c.readUrl->passwordInUrl.isEmpty()) {
        c.readPassword = c.readUrl->passwordInUrl;
        c.readSource = PasswordSource::Url;
    } else if (!request.askPasswordEachStart) {
        if (auto saved = readSecret(SecretStore::databaseKey(c.readUrl->toString()))) {
            c.readPassword = *saved;
            c.readSource = PasswordSource::Keychain;
        }
    }
    return {};
}

QString ConnectionResolver::chatFeedUrl(const QString &flag, const QString &saved)
{
    if (!flag.isEmpty())
        return flag;
    const QString env = qEnvironmentVariable("ATALAYA_CHAT_URL");
    return env.isEmpty() ? saved : env;
}

QString ConnectionResolver::chatToken(const QUrl &feedUrl, const std::optional<QString> &stdinToken) const
{
    if (stdinToken)
        return *stdinToken;
    return readSecret(SecretStore::chatTokenKey(feedUrl.toString())).value_or(QString());
}

std::optional<QString> ConnectionResolver::readSecret(const QString &key) const
{
    std::unique_ptr<SecretStore> system;
    SecretStore *store = m_store;
    if (!store) {
        system = SecretStore::system();
        store = system.get();
    }
    auto secret = store->read(key);
    if (!secret)
        return std::nullopt;
    return *secret;
}

}  // namespace atalaya

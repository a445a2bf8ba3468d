#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace atalaya {

// Where passwords and tokens live. Never QSettings (docs/RELIABILITY.md §Security).
class SecretStore {
public:
    virtual ~SecretStore() = default;
    // NotFound when there is no entry; Unavailable when no keychain service exists.
    virtual Result<QString> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QString &secret) = 0;
    virtual Status remove(const QString &key) = 0;

    // The key under which the GUI saves a database password and the CLI looks it up.
    static QString databaseKey(const QString &canonicalUrl);
    static QString chatTokenKey(const QString &feedUrl);

    // The system keychain (QtKeychain), or the in-memory store when
    // ATALAYA_SECRET_STORE=memory (tests, and headless machines by choice).
    static std::unique_ptr<SecretStore> system();
};

// For tests and for "ask for the password each start" sessions.
class InMemorySecretStore final : public SecretStore {
public:
    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

}  // namespace atalaya

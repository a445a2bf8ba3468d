#include "core/secrets/SecretStore.h"

#include "core/secrets/KeychainSecretStore.h"

namespace atalaya {

QString SecretStore::databaseKey(const QString &canonicalUrl)
{
    return QStringLiteral("db:") + canonicalUrl;
}

QString SecretStore::chatTokenKey(const QString &feedUrl)
{
    return QStringLiteral("chat:") + feedUrl;
}

std::unique_ptr<SecretStore> SecretStore::system()
{
    if (qEnvironmentVariable("ATALAYA_SECRET_STORE") == QLatin1String("memory"))
        return std::make_unique<InMemorySecretStore>();
    return std::make_unique<KeychainSecretStore>();
}

Result<QString> InMemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        return makeError(ErrorCode::NotFound, QStringLiteral("no secret saved for %1").arg(key));
    return *it;
}

Status InMemorySecretStore::write(const QString &key, const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return {};
}

Status InMemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(key);
    return {};
}

}  // namespace atalaya

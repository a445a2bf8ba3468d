#include "core/secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace atalaya {
namespace {

const QString kService = QStringLiteral("atalaya");

Error keychainError(QKeychain::Job &job, const QString &key)
{
    if (job.error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound, QStringLiteral("no keychain entry for %1").arg(key));
    return makeError(ErrorCode::Unavailable,
                     QStringLiteral("the system keychain is not available (%1); on a headless "
                                    "machine use ATALAYA_DB_PASSWORD or --password-stdin")
                         .arg(job.errorString()));
}

void runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

}  // namespace

Result<QString> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, key);
    return job.textData();
}

Status KeychainSecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(secret);
    runJob(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job, key);
    return {};
}

Status KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, key);
    return {};
}

}  // namespace atalaya

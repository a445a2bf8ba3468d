#pragma once

#include "core/secrets/SecretStore.h"

namespace atalaya {

// QtKeychain (Secret Service / KWallet on Linux). Jobs are asynchronous; these calls wait for
// them in a local event loop. Without a keychain service they fail fast (docs/DEVELOPMENT.md §Platform facts)
// with ErrorCode::Unavailable and a message that says so plainly.
class KeychainSecretStore final : public SecretStore {
public:
    Result<QString> read(const QString &key) override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;
};

}  // namespace atalaya

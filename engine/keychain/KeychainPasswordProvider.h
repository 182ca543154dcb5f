#pragma once

#include "PasswordProvider.h"

namespace cutover {

// Reads passwords from the system keychain (Secret Service, KWallet) through qtkeychain.
// The key is the connection's display name, which holds no secret. When no keychain service is
// running the provider simply has no answer.
class KeychainPasswordProvider : public PasswordProvider
{
public:
    std::optional<QString> password(const ConnectionSpec &spec) const override;
    // Stores a password for spec; returns an empty string on success, else the reason.
    static QString store(const ConnectionSpec &spec, const QString &password);

    static QString keyFor(const ConnectionSpec &spec);
};

} // namespace cutover

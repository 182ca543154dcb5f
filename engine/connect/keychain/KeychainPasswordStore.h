#pragma once

#include "connect/PasswordStore.h"

namespace cutover {

// The system keychain (Secret Service, KWallet) as a PasswordStore, through qtkeychain; what it
// stores KeychainPasswordProvider reads back in a later session.
class KeychainPasswordStore : public PasswordStore
{
public:
    QString store(const ConnectionSpec &spec, const QString &password) override;
};

} // namespace cutover

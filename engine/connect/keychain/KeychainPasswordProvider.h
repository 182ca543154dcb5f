#pragma once

#include "connect/PasswordProvider.h"

#include <QHash>
#include <QMutex>

namespace cutover {

// Reads passwords from the system keychain (Secret Service, KWallet) through qtkeychain.
// The key is the connection's display name, which holds no secret. When no keychain service is
// running (no session D-Bus, or CUTOVER_NO_KEYCHAIN set) the provider has no answer at once; a
// keychain that does not answer within kReadMilliseconds has none either. Each answer, a missing
// one too, is remembered for the life of the provider, so a run asks once per connection.
// Connections ask only when the server wants a password (SqlConnection).
class KeychainPasswordProvider : public PasswordProvider
{
public:
    static constexpr int kReadMilliseconds = 300;
    static constexpr int kWriteMilliseconds = 5000;

    std::optional<QString> password(const ConnectionSpec &spec) const override;
    // Stores a password for spec; returns an empty string on success, else the reason.
    static QString store(const ConnectionSpec &spec, const QString &password);

    static QString keyFor(const ConnectionSpec &spec);

private:
    mutable QMutex m_mutex;
    mutable QHash<QString, std::optional<QString>> m_answers; // by keyFor()
};

} // namespace cutover

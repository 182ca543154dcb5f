#pragma once

#include <QString>

namespace cutover {

class ConnectionSpec;

// Somewhere a password can be kept for later sessions (the system keychain). The window writes
// through this interface only when the user asks it to remember a password; tests replace it
// with a fake that records what it was given.
class PasswordStore
{
public:
    virtual ~PasswordStore() = default;
    // Keeps password for spec; returns an empty string on success, else the reason in words.
    virtual QString store(const ConnectionSpec &spec, const QString &password) = 0;
};

} // namespace cutover

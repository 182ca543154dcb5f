#pragma once

#include <QString>
#include <optional>

namespace cutover {

class ConnectionSpec;

// Supplies the password for a server connection. Passwords never come from the project file;
// implementations read the environment or the system keychain. Tests replace it with a fake.
class PasswordProvider
{
public:
    virtual ~PasswordProvider() = default;
    // The password for spec, or nothing when this provider has none (the driver may still find
    // one itself, e.g. libpq's ~/.pgpass).
    virtual std::optional<QString> password(const ConnectionSpec &spec) const = 0;
};

} // namespace cutover

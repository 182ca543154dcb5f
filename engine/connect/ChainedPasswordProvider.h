#pragma once

#include "connect/PasswordProvider.h"

#include <vector>

namespace cutover {

// Asks each provider in turn (environment first, then keychain) and returns the first answer.
class ChainedPasswordProvider : public PasswordProvider
{
public:
    void append(const PasswordProvider *provider) { m_providers.push_back(provider); }
    std::optional<QString> password(const ConnectionSpec &spec) const override
    {
        for (const PasswordProvider *provider : m_providers)
            if (auto found = provider->password(spec))
                return found;
        return std::nullopt;
    }

private:
    std::vector<const PasswordProvider *> m_providers;
};

} // namespace cutover

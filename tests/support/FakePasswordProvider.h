#pragma once

#include "connect/PasswordProvider.h"
#include "dialect/ConnectionSpec.h"

#include <QHash>

namespace cutover::test {

// Stands in for the keychain: answers from a table keyed by the connection's display name.
class FakePasswordProvider : public PasswordProvider
{
public:
    void set(const ConnectionSpec &spec, const QString &password)
    {
        m_passwords.insert(spec.displayName(), password);
    }
    std::optional<QString> password(const ConnectionSpec &spec) const override
    {
        ++m_asked;
        auto it = m_passwords.constFind(spec.displayName());
        if (it == m_passwords.constEnd())
            return std::nullopt;
        return it.value();
    }
    int timesAsked() const { return m_asked; }

private:
    QHash<QString, QString> m_passwords;
    mutable int m_asked = 0;
};

} // namespace cutover::test

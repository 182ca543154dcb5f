#include "connect/SessionPasswordProvider.h"

#include "dialect/ConnectionSpec.h"

namespace cutover {

QString SessionPasswordProvider::keyFor(const ConnectionSpec &spec)
{
    return spec.displayName();
}

std::optional<QString> SessionPasswordProvider::password(const ConnectionSpec &spec) const
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_passwords.constFind(keyFor(spec));
    if (found == m_passwords.constEnd())
        return std::nullopt;
    return *found;
}

void SessionPasswordProvider::set(const ConnectionSpec &spec, const QString &password)
{
    QMutexLocker lock(&m_mutex);
    m_passwords.insert(keyFor(spec), password);
}

void SessionPasswordProvider::forget(const ConnectionSpec &spec)
{
    QMutexLocker lock(&m_mutex);
    m_passwords.remove(keyFor(spec));
}

bool SessionPasswordProvider::contains(const ConnectionSpec &spec) const
{
    QMutexLocker lock(&m_mutex);
    return m_passwords.contains(keyFor(spec));
}

} // namespace cutover

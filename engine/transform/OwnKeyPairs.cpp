#include "transform/OwnKeyPairs.h"

namespace cutover {

OwnKeyPairs::OwnKeyPairs(KeyRecorder &to)
    : m_to(to)
{}

bool OwnKeyPairs::wants(const QString &keyNamespace) const
{
    return !m_others.contains(keyNamespace);
}

void OwnKeyPairs::record(const QString &keyNamespace, const QString &sourceKey,
                         const QString &targetKey)
{
    if (m_own.contains(keyNamespace))
        m_to.record(keyNamespace, sourceKey, targetKey);
    else if (!m_others.contains(keyNamespace))
        m_waiting.append({keyNamespace, sourceKey, targetKey});
}

void OwnKeyPairs::decide(const QSet<QString> &ownKeys)
{
    for (const Pair &pair : std::as_const(m_waiting))
        if (ownKeys.contains(pair.targetKey))
            m_own.insert(pair.keyNamespace);
    for (const Pair &pair : std::as_const(m_waiting)) {
        if (m_own.contains(pair.keyNamespace))
            m_to.record(pair.keyNamespace, pair.sourceKey, pair.targetKey);
        else
            m_others.insert(pair.keyNamespace);
    }
    m_waiting.clear();
}

} // namespace cutover

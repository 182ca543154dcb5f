#include "NamedItemTracker.h"

namespace cutover {

void NamedItemTracker::track(qsizetype index, const QStringList &names)
{
    m_tracking = index >= 0;
    m_exists = index >= 0 && index < names.size();
    m_index = m_exists ? index : -1;
    m_name = m_exists ? names.at(index) : QString();
    m_count = names.size();
}

bool NamedItemTracker::update(const QStringList &names)
{
    if (!m_tracking)
        return false;
    const bool sameLength = names.size() == m_count;
    m_count = names.size();
    if (m_exists && m_index < names.size() && names.at(m_index) == m_name)
        return true;
    if (const qsizetype found = names.indexOf(m_name); found >= 0) {
        m_index = found;
        m_exists = true;
        return true;
    }
    if (m_exists && sameLength && m_index < names.size()) {
        m_name = names.at(m_index); // renamed in place
        return true;
    }
    m_exists = false;
    return false;
}

} // namespace cutover

#include "run/target/SqliteFileGate.h"

#include <algorithm>
#include <map>

namespace cutover {

std::shared_ptr<SqliteFileGate> SqliteFileGate::of(const QString &path)
{
    static std::mutex registryMutex;
    static std::map<QString, std::weak_ptr<SqliteFileGate>> registry;
    const std::lock_guard lock(registryMutex);
    for (auto it = registry.begin(); it != registry.end();)
        it = it->second.expired() ? registry.erase(it) : std::next(it);
    std::shared_ptr<SqliteFileGate> gate = registry[path].lock();
    if (!gate)
        registry[path] = gate = std::make_shared<SqliteFileGate>();
    return gate;
}

bool SqliteFileGate::take(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    if (m_held && m_holder == std::this_thread::get_id())
        return false;
    const quint64 ticket = m_nextTicket++;
    m_waiting.push_back(ticket);
    const bool turn = m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                         [&] { return !m_held && m_waiting.front() == ticket; });
    m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), ticket));
    if (!turn) {
        m_changed.notify_all(); // the next one may be first now
        return false;
    }
    m_held = true;
    m_holder = std::this_thread::get_id();
    return true;
}

void SqliteFileGate::give()
{
    {
        const std::lock_guard lock(m_mutex);
        m_held = false;
    }
    m_changed.notify_all();
}

} // namespace cutover

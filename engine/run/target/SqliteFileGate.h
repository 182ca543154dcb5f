#pragma once

#include <QString>
#include <QtGlobal>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace cutover {

// The turn to write one database file among the sessions of this process, handed to waiting
// sessions in the order they came (see SqliteTargetSession for why SQLite's busy handler is not
// enough). One gate per absolute file path, shared while any session holds it.
class SqliteFileGate
{
public:
    static std::shared_ptr<SqliteFileGate> of(const QString &path);
    // False when not taken: held by this thread already, or not free within timeoutMs.
    bool take(int timeoutMs);
    void give();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<quint64> m_waiting; // tickets, oldest first
    quint64 m_nextTicket = 0;
    bool m_held = false;
    std::thread::id m_holder;
};

} // namespace cutover

#pragma once

#include <QMutex>
#include <QWaitCondition>
#include <deque>
#include <optional>

namespace cutover {

// A blocking queue of at most `capacity` items between two pipeline stages, so a fast reader
// cannot run ahead of a slow writer and memory stays flat whatever the table size.
// push() blocks while the queue is full, pop() while it is empty. close() says no more items
// will come (pop() drains what is left, then returns nullopt); abort() wakes both sides at once
// and makes every later push() and pop() fail, for a stage that stops on an error or a cancel.
template <typename T>
class BoundedQueue
{
public:
    explicit BoundedQueue(qsizetype capacity)
        : m_capacity(capacity < 1 ? 1 : capacity)
    {}

    // False when the queue was closed or aborted: the item was not queued.
    bool push(T item)
    {
        QMutexLocker lock(&m_mutex);
        while (!m_aborted && !m_closed && qsizetype(m_items.size()) >= m_capacity)
            m_notFull.wait(&m_mutex);
        if (m_aborted || m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_notEmpty.wakeOne();
        return true;
    }

    // The next item; nullopt at the end (closed and drained) or once aborted.
    std::optional<T> pop()
    {
        QMutexLocker lock(&m_mutex);
        while (!m_aborted && !m_closed && m_items.empty())
            m_notEmpty.wait(&m_mutex);
        if (m_aborted || m_items.empty())
            return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.wakeOne();
        return item;
    }

    void close()
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_notEmpty.wakeAll();
        m_notFull.wakeAll();
    }

    void abort()
    {
        QMutexLocker lock(&m_mutex);
        m_aborted = true;
        m_items.clear();
        m_notEmpty.wakeAll();
        m_notFull.wakeAll();
    }

    qsizetype size() const
    {
        QMutexLocker lock(&m_mutex);
        return qsizetype(m_items.size());
    }

private:
    const qsizetype m_capacity;
    mutable QMutex m_mutex;
    QWaitCondition m_notFull;
    QWaitCondition m_notEmpty;
    std::deque<T> m_items;
    bool m_closed = false;
    bool m_aborted = false;
};

} // namespace cutover

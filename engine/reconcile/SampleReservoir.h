#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <algorithm>
#include <vector>

namespace cutover {

// The seeded random sample of a reconciliation: the N rows whose source keys have the smallest
// seeded hashes (priority()), ties broken by the key's bytes. Every row has the same chance, the
// same seed over the same rows picks the same sample whatever order they come in, and a path
// that reads the source but never the expected rows (DigestProof) picks the rows the exact merge
// picks.
template <typename T>
class SampleReservoir
{
public:
    struct Entry
    {
        quint64 priority = 0;
        QByteArray tie;
        T value;
    };

    explicit SampleReservoir(int size)
        : m_size(std::max(0, size))
    {}

    // Would a row of this priority be kept (so that building its value is worth it)?
    bool wants(quint64 priority, const QByteArray &tie) const
    {
        if (qsizetype(m_heap.size()) < m_size)
            return true;
        return m_size > 0 && before(priority, tie, m_heap.front());
    }

    void offer(quint64 priority, QByteArray tie, T value)
    {
        if (!wants(priority, tie))
            return;
        if (qsizetype(m_heap.size()) == m_size) {
            std::pop_heap(m_heap.begin(), m_heap.end(), order);
            m_heap.pop_back();
        }
        m_heap.push_back(Entry{priority, std::move(tie), std::move(value)});
        std::push_heap(m_heap.begin(), m_heap.end(), order);
    }

    // Smallest priority first.
    QList<Entry> entries() const
    {
        QList<Entry> sorted(m_heap.cbegin(), m_heap.cend());
        std::sort(sorted.begin(), sorted.end(), order);
        return sorted;
    }

private:
    static bool before(quint64 priority, const QByteArray &tie, const Entry &other)
    {
        return priority != other.priority ? priority < other.priority : tie < other.tie;
    }
    static bool order(const Entry &a, const Entry &b) { return before(a.priority, a.tie, b); }

    qsizetype m_size;
    std::vector<Entry> m_heap; // a max-heap: the entry that goes first at its front
};

} // namespace cutover

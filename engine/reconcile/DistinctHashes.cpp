#include "reconcile/DistinctHashes.h"

#include <algorithm>
#include <array>

namespace cutover {

namespace {

// Least significant digit first, 16 bits a pass.
void radixSort(std::vector<quint64> &values)
{
    std::vector<quint64> buffer(values.size());
    for (int shift = 0; shift < 64; shift += 16) {
        std::array<std::size_t, 65537> offsets{};
        for (quint64 v : values)
            ++offsets[((v >> shift) & 0xFFFF) + 1];
        for (std::size_t i = 1; i < offsets.size(); ++i)
            offsets[i] += offsets[i - 1];
        for (quint64 v : values)
            buffer[offsets[(v >> shift) & 0xFFFF]++] = v;
        values.swap(buffer);
    }
}

} // namespace

void DistinctHashes::addToSet(quint64 hash)
{
    if (hash == 0)
        hash = 1;
    if (qint64(m_slots.size()) <= 2 * (m_setCount + 1))
        grow();
    if (insert(hash) && ++m_setCount > kSetLimit)
        toList();
}

bool DistinctHashes::insert(quint64 hash)
{
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = std::size_t(hash) & mask;; at = (at + 1) & mask) {
        if (m_slots[at] == hash)
            return false;
        if (m_slots[at] == 0) {
            m_slots[at] = hash;
            return true;
        }
    }
}

void DistinctHashes::grow()
{
    std::vector<quint64> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, 0);
    for (quint64 hash : old)
        if (hash != 0)
            insert(hash);
}

void DistinctHashes::toList()
{
    for (quint64 hash : m_slots)
        if (hash != 0)
            m_list.push_back(hash);
    std::vector<quint64>().swap(m_slots);
    m_listed = true;
}

qint64 DistinctHashes::count() const
{
    if (!m_listed)
        return m_setCount;
    if (!m_sorted) {
        for (quint64 &hash : m_list)
            hash = hash == 0 ? 1 : hash;
        radixSort(m_list);
        m_list.erase(std::unique(m_list.begin(), m_list.end()), m_list.end());
        m_list.shrink_to_fit();
        m_sorted = true;
    }
    return qint64(m_list.size());
}

qint64 DistinctHashes::bytes() const
{
    return qint64((m_slots.size() + m_list.size()) * sizeof(quint64));
}

} // namespace cutover

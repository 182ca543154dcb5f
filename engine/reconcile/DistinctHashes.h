#pragma once

#include <QtGlobal>
#include <vector>

namespace cutover {

// Counts distinct values by their 64-bit hashes (XXH3 of the value's canonical encoding). While
// there are few, they are kept in a small open-addressing set that stays in the CPU's cache;
// past kSetLimit every further hash is appended to a list, which count() sorts (radix sort) and
// counts once: a million random inserts into a large set cost a cache miss each, the list and
// the sort cost a few sequential passes. Two different values share a hash with a chance of
// about n^2 / 2^65 (one in 10^7 for a million values).
class DistinctHashes
{
public:
    void add(quint64 hash)
    {
        if (m_listed) {
            m_list.push_back(hash);
            m_sorted = false;
        } else
            addToSet(hash);
    }
    qint64 count() const;
    qint64 bytes() const;

private:
    static constexpr qint64 kSetLimit = 1 << 14;

    void addToSet(quint64 hash);
    void grow();
    bool insert(quint64 hash);
    void toList();

    std::vector<quint64> m_slots; // 0: empty (a hash of 0 is kept as 1)
    qint64 m_setCount = 0;
    bool m_listed = false;
    mutable std::vector<quint64> m_list; // sorted and made unique by count()
    mutable bool m_sorted = false;
};

} // namespace cutover

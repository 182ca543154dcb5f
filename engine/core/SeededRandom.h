#pragma once

#include <cstdint>
#include <span>

namespace cutover {

// A deterministic pseudo-random source (the demo generator, preview's samples): xoshiro256**
// seeded through splitmix64, with integer-only helpers. Unlike std::uniform_*_distribution its
// output is the same with every compiler and standard library, so one seed always gives the same
// bytes.
class SeededRandom
{
public:
    explicit SeededRandom(std::uint64_t seed);

    std::uint64_t next();
    // Uniform in [0, bound); bound > 0.
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [low, high], inclusive.
    std::int64_t between(std::int64_t low, std::int64_t high);
    // True with a probability of basisPoints / 10000.
    bool chance(int basisPoints);

    template <typename T, std::size_t Extent>
    const T &pick(std::span<const T, Extent> items)
    {
        return items[below(items.size())];
    }

private:
    std::uint64_t m_state[4];
};

} // namespace cutover

#pragma once

#include "schema/NormalizedType.h"

#include <QString>

namespace cutover {

// Whether a value of one normalized type can be stored in a column of another, before any
// transform: fine, possible with a risk the run will check row by row, or impossible.
class TypeCompatibility
{
public:
    enum class Verdict
    {
        Fine,
        Risky,
        Impossible
    };
    struct Outcome
    {
        Verdict verdict = Verdict::Fine;
        QString reason; // empty when Fine
    };

    static Outcome assess(const NormalizedType &from, const NormalizedType &to);
};

} // namespace cutover

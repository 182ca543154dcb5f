#pragma once

#include <QtGlobal>

namespace cutover {

// Whether a share of quarantined rows is over a limit on the evidence of the rows it rests on:
// one bad row of three is 33%, yet no sign that a table's rows go bad more often than 5%. The
// share is over the limit only when rows that went bad at exactly the limit's rate would have
// given this many quarantined rows or more less than once in 20 (a one-sided binomial test at
// the 95% level). A limit of 0 is broken by the first quarantined row, one of 1 never.
class QuarantineShare
{
public:
    static constexpr double kSignificance = 0.05;

    // P(X >= quarantined) for X ~ Binomial(read, limit).
    static double tailProbability(qint64 quarantined, qint64 read, double limit);
    static bool isOverLimit(qint64 quarantined, qint64 read, double limit);
};

} // namespace cutover

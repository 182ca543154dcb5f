#include "run/QuarantineShare.h"

#include <cmath>

namespace cutover {

// Sums the binomial probabilities from `quarantined` up, in logarithms; only asked when the share
// is above the limit, where each term is smaller than the one before.
double QuarantineShare::tailProbability(qint64 quarantined, qint64 read, double limit)
{
    if (quarantined <= 0)
        return 1.0;
    if (quarantined > read || limit >= 1.0)
        return quarantined > read ? 0.0 : 1.0;
    if (limit <= 0.0)
        return 0.0;
    const double n = double(read);
    const double logP = std::log(limit);
    const double logQ = std::log1p(-limit);
    double k = double(quarantined);
    double logTerm = std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1) + k * logP +
                     (n - k) * logQ;
    double sum = 0;
    for (; k <= n; k += 1) {
        const double term = std::exp(logTerm);
        sum += term;
        if (term <= sum * 1e-12 || sum >= 1.0)
            break;
        logTerm += std::log((n - k) / (k + 1)) + logP - logQ;
    }
    return std::min(sum, 1.0);
}

bool QuarantineShare::isOverLimit(qint64 quarantined, qint64 read, double limit)
{
    if (limit < 0 || read <= 0 || double(quarantined) <= limit * double(read))
        return false;
    return tailProbability(quarantined, read, limit) < kSignificance;
}

} // namespace cutover

#include "reconcile/SamplePriority.h"

#include <xxhash.h>

namespace cutover {

quint64 SamplePriority::of(const QByteArray &sourceKeyUtf8, quint64 seed)
{
    return of(sourceKeyUtf8.constData(), sourceKeyUtf8.size(), seed);
}

quint64 SamplePriority::of(const char *sourceKeyUtf8, qsizetype size, quint64 seed)
{
    return XXH3_64bits_withSeed(sourceKeyUtf8, size_t(size), seed);
}

} // namespace cutover

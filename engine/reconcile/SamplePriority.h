#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace cutover {

// A row's place in the seeded sample (SampleReservoir): XXH3-64 of its source key (SourceKey's
// JSON, as UTF-8) with the seed. Equal for the exact merge, which has the key as text, and for
// DigestProof, which writes it straight from a table scan.
class SamplePriority
{
public:
    static quint64 of(const QByteArray &sourceKeyUtf8, quint64 seed);
    static quint64 of(const char *sourceKeyUtf8, qsizetype size, quint64 seed);
};

} // namespace cutover

#pragma once

#include "connect/PasswordProvider.h"
#include "project/Project.h"

#include <QStringList>

namespace cutover::test {

// Compares, value by value, every table a lift-and-shift project copied: each source table's
// rows against its target table's, as multisets of canonical rows, independently of the engine's
// own reconciliation (MySQL's zero dates count as NULL, as they are copied). Canonical by the
// source column's kind: doubles to 17 significant digits, text as it is, decimals without trailing
// zeros, timestamps to the microsecond, JSON parsed, blobs in hex. Returns one line per difference
// (empty when the copy is exact), at most a few per table.
class CopyComparer
{
public:
    static QStringList differences(const Project &project, const PasswordProvider *passwords);
};

} // namespace cutover::test

#pragma once

#include "core/RowBatch.h"
#include "core/Violation.h"

namespace cutover {

// The output of a transform program for one batch: the output columns' values per row (row i
// comes from input row i), and the violations each row's evaluation reported.
struct TransformedBatch
{
    RowBatch values;
    QList<QList<Violation>> violations; // one list per row, usually empty
};

} // namespace cutover

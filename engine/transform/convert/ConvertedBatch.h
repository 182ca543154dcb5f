#pragma once

#include "core/RowBatch.h"
#include "core/Violation.h"

#include <QBitArray>

namespace cutover {

// A transformed batch converted to the target table's column types (see RowConverter). Row i
// comes from row i of the TransformedBatch; columns are its output columns.
struct ConvertedBatch
{
    RowBatch values;                    // canonical values; NULL where a value failed to convert
    QList<QList<Violation>> violations; // per row: Conversion violations only
    // Per row, per column: the expression gave NULL for a NOT NULL column that has a database
    // default, so the writer must write DEFAULT (or leave the column out) instead of NULL.
    QList<QBitArray> databaseDefaults;
    // Per row, per column: why a converted value deserves a look ("converted with loss risk"),
    // empty when it does not.
    QList<QStringList> lossRisks;

    bool hasBlockingViolation(qsizetype row) const
    {
        for (const Violation &v : violations.at(row))
            if (v.blocking)
                return true;
        return false;
    }
};

} // namespace cutover

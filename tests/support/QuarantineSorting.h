#pragma once

#include "run/ledger/QuarantineSort.h"
#include "transform/QuarantinedRow.h"

#include <QList>
#include <QStringList>

namespace cutover::test {

// What a quarantine sort must give, worked out in memory from the rows' stored values, for the
// tests of QuarantineReader, QuarantineModel and the browser to compare the database's order
// with: the sorted value, then the source key, run and table as UTF-8 bytes (code point order)
// and the row number; descending the exact reverse.
class QuarantineSorting
{
public:
    // "run|table|key|row number": one quarantined row, whatever its order.
    static QString identity(const QuarantinedRow &row);
    static QStringList identities(const QList<QuarantinedRow> &rows);
    // Every sorted column, ascending and descending.
    static QList<QuarantineSort> sorts();
    static QString name(const QuarantineSort &sort);
    static QList<QuarantinedRow> sorted(QList<QuarantinedRow> rows, const QuarantineSort &sort);
    // The text the database sorts a row by (the reasons' stored JSON cut at 255 characters, the
    // time as stored, a row not loaded again as empty text).
    static QString sortedText(const QuarantinedRow &row, QuarantineSort::Column column);
};

} // namespace cutover::test

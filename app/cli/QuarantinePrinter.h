#pragma once

#include "transform/QuarantinedRow.h"

#include <QList>
#include <QTextStream>

namespace cutover::cli {

// Quarantined rows for `cutover-cli quarantine` as text: a line per row with its run, table
// and source key, then a line per violation in ViolationText's words. JSON and CSV are
// QuarantineExport's (engine/run/ledger), which the window's quarantine browser writes too.
class QuarantinePrinter
{
public:
    static void printText(QTextStream &out, const QList<QuarantinedRow> &rows);
};

} // namespace cutover::cli

#include "QuarantinePrinter.h"

#include "core/ViolationText.h"

#include <QSet>

namespace cutover::cli {

void QuarantinePrinter::printText(QTextStream &out, const QList<QuarantinedRow> &rows)
{
    QSet<QString> tables;
    QSet<QString> runs;
    for (const QuarantinedRow &row : rows) {
        tables.insert(row.tableName);
        runs.insert(row.runId);
        out << "run " << row.runId.left(8) << "  table " << row.tableName << "  source key "
            << row.sourceKey;
        if (!row.retriedInRun.isEmpty())
            out << "  (loaded again by run " << row.retriedInRun.left(8) << ')';
        out << '\n';
        for (const Violation &v : row.violations)
            out << "    " << ViolationText::describe(v) << '\n';
    }
    out << rows.size() << " quarantined " << (rows.size() == 1 ? "row" : "rows");
    if (!rows.isEmpty())
        out << " in " << tables.size() << (tables.size() == 1 ? " table" : " tables") << " of "
            << runs.size() << (runs.size() == 1 ? " run" : " runs");
    out << '\n';
    out.flush();
}

} // namespace cutover::cli

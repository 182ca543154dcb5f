#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// What a run digested of one table (cutover_table_digests), as RowDigest texts: every source row
// it read, and every row it wrote as the target stores it, hashed over `columns` in this order.
// Reconciliation uses them to prove an unchanged table without running the mapping again.
struct TableDigests
{
    QString source;
    QString loaded;
    QStringList columns;
};

} // namespace cutover

#pragma once

#include <QList>
#include <QStringList>
#include <QVariant>

namespace cutover {

// What to read from a table mapping's source, on top of the mapping itself (whose own filter
// always applies). SQL sources turn it into one SELECT in the source's dialect; CSV sources
// evaluate it row by row (see CsvRowSource).
struct RowQuery
{
    // Columns to read, in this order; empty for every column of the source.
    QStringList columns;
    // Extra conditions, AND-ed with the mapping's filter: a phase filter, a user filter. SQL in
    // the source's dialect; for CSV, SQLite expressions over the row.
    QStringList filters;
    // Sort by these columns (the source key), so a scan has the same order on every database.
    // Empty: the source's natural order. Ignored by CSV sources (file order).
    QStringList orderBy;
    // Stop after this many rows; negative for no limit.
    qint64 limit = -1;
    // Restrict to rows whose keyColumns equal one of these tuples (values in keyColumns order).
    // Used to fetch rows picked by a key-only scan. Ignored when keyColumns is empty.
    QStringList keyColumns;
    QList<QVariantList> keyIn;
};

} // namespace cutover

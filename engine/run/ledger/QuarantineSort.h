#pragma once

namespace cutover {

// The order QuarantineReader::page reads quarantined rows in. Read order (the default) is the
// ledger's: run, table, row number, source key. Any other column sorts by the value stored in
// cutover_quarantine, compared as text in code point order on every target (SQLite, PostgreSQL
// and MySQL give the same order), the source key breaking ties, then run, table and row number
// so that every row has one place; descending is exactly the reverse. The reasons sort by the
// first 255 characters of their stored JSON; a row not loaded again sorts as an empty run id.
struct QuarantineSort
{
    enum class Column
    {
        ReadOrder,
        SourceKey,
        Table,
        Reasons,
        Run,
        QuarantinedAt,
        RetriedInRun
    };

    Column column = Column::ReadOrder;
    bool descending = false;

    bool operator==(const QuarantineSort &) const = default;
};

} // namespace cutover

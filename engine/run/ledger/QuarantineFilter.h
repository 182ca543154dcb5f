#pragma once

#include "core/Violation.h"

#include <QString>
#include <optional>

namespace cutover {

// Which quarantined rows to read (QuarantineReader) or export (QuarantineExport). Every part is
// optional and they all apply: an empty text or no kind selects everything.
struct QuarantineFilter
{
    QString project; // only the rows of this project's runs; empty: every run in the ledger
    QString runId;   // only this run's rows; empty: every run
    QString table;   // only this target table's rows
    // Only rows with a reason of this kind, on this target column (a row rule has no column:
    // those match a filter without column). Both given: one reason must be both.
    std::optional<Violation::Kind> kind;
    QString column;
    // Only rows holding this text in their source key, raw values or reasons. Case-insensitive
    // where the database folds case (SQLite: ASCII letters; PostgreSQL: ILIKE; MySQL: its
    // collation).
    QString text;

    bool operator==(const QuarantineFilter &) const = default;
};

} // namespace cutover

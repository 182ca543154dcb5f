#pragma once

#include "reconcile/ReconcileStatus.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// How one target column was compared, as the report shows it, and how many rows differed there.
struct ColumnComparisonSummary
{
    QString column;
    QString type; // normalized target type, e.g. "decimal(10,2)"
    QString rule; // e.g. "exact", "within 0.005", "to the second", "ignoring trailing spaces"
    qint64 differing = 0;
    bool sensitive = false;
};

// One column's profile on one side: nulls, range and distinct values (min and max as text;
// empty when every value is NULL).
struct ColumnProfile
{
    QString column;
    qint64 nulls = 0;
    qint64 distinct = 0;
    QString min;
    QString max;
    bool temporal = false; // a date or timestamp: min and max are its date range
};

// A row as a difference names it: its target key and, when known, its source key.
struct RowRef
{
    QString targetKey;
    QString sourceKey;
};

// A modified row: the columns that differ, with the expected (source through the mapping) and
// the actual (target) values as text; masked for sensitive columns.
struct ModifiedRow
{
    RowRef row;
    QStringList columns;
    QStringList expected;
    QStringList actual;
};

// Target rows that share what should be unique: the target key or a unique constraint.
struct DuplicateFinding
{
    QString columns; // "id" or "tenant_id, code"
    qint64 rows = 0; // rows beyond the first of each value
    QStringList samples;
};

// Target rows whose foreign key finds no parent row.
struct OrphanFinding
{
    QString columns;
    QString parentTable;
    QString parentColumns;
    qint64 rows = 0;
    QStringList samples;
};

// Target rows that break a blocking rule of the project (invalid data).
struct RuleFinding
{
    QString rule;
    QString column;
    qint64 rows = 0;
    QStringList samples;
};

// One row of the seeded random sample, compared field by field.
struct SampleRow
{
    RowRef row;
    QString outcome; // "matched", "modified" or "missing"
    QStringList columns;
    QStringList expected;
    QStringList actual; // empty strings for a missing row
    QList<bool> equal;
};

// The run's row ledger for the table, from the newest run that loaded it.
struct LedgerCheck
{
    QString runId;
    qint64 sourceRows = 0;
    qint64 loaded = 0;
    qint64 quarantined = 0;
    qint64 skipped = 0;
    bool balances() const { return sourceRows == loaded + quarantined + skipped; }
};

// Everything reconciliation found for one target table.
struct TableReconciliation
{
    QString table;
    QString source;    // the source table, or "query"
    QStringList key;   // target key columns the rows are matched by
    QString method;    // "exact merge", "segment checksums" or "row content"
    QStringList notes; // what a reader must know: how keys were matched, what was not checked

    qint64 sourceRows = 0;   // all rows of the source table
    qint64 skipped = 0;      // left out by the mapping's filter
    qint64 quarantined = 0;  // would not load: broke a rule or a conversion
    qint64 expectedRows = 0; // the source through the mapping: rows that should be in the target
    qint64 targetRows = 0;
    qint64 matched = 0;
    qint64 missing = 0;
    qint64 extra = 0;
    qint64 modified = 0;
    qint64 duplicateKeys = 0;   // target rows beyond the first with the same target key
    qint64 rowsTransferred = 0; // target rows read from the database (checksums read fewer)

    QList<ColumnComparisonSummary> columns;
    QList<ColumnProfile> expectedProfiles;
    QList<ColumnProfile> targetProfiles;
    qint64 expectedNulls = 0; // the acceptable number of NULLs: what the mapping produces
    qint64 targetNulls = 0;

    QList<RowRef> missingSamples;
    QList<RowRef> extraSamples;
    QList<ModifiedRow> modifiedSamples;
    QList<DuplicateFinding> duplicates;
    QList<OrphanFinding> orphans;
    QList<RuleFinding> ruleViolations;
    QList<SampleRow> sample;
    std::optional<LedgerCheck> ledger;

    ReconcileStatus status = ReconcileStatus::Pass;
    QStringList reasons; // why the status is not Pass
    qint64 durationMs = 0;

    qint64 duplicateRows() const;
    qint64 orphanRows() const;
    qint64 invalidRows() const;
};

} // namespace cutover

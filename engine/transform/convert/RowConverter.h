#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/ColumnMapping.h"
#include "schema/TableInfo.h"
#include "transform/TransformedBatch.h"
#include "transform/convert/Conversion.h"
#include "transform/convert/ConvertedBatch.h"

#include <QHash>
#include <optional>

namespace cutover {

// Converts the values a table mapping's transform program produced to the target table's
// column types (TypeConverter), and settles NULLs in NOT NULL columns:
//  1. the column mapping's default (an SQL literal, parsed once and converted like a value), else
//  2. the column's own database default or identity: the cell is flagged in databaseDefaults and
//     the writer writes DEFAULT, else
//  3. a blocking Conversion violation "full_name is required (NOT NULL) and the expression gave
//     NULL".
// A mapping default applies to NOT NULL columns only, as ColumnMapping documents. When the
// expression's own function already reported a blocking violation for the cell (its NULL is a
// refusal, not a value), nothing is substituted and no second violation is added.
// A value that does not convert becomes NULL with a blocking violation: the row is quarantined.
// A timestamp for a SQLite target, which keeps it as text, takes SQLite's own form
// ("2009-01-01 10:00:00", what datetime() writes and compares against) unless the column mapping
// asks for ISO 8601's "T" (ColumnMapping::isoTimestamps); the other databases parse either.
class RowConverter
{
public:
    // Fails when a mapped column is not in the table, or a mapping default is not a literal or
    // does not convert to its column's type.
    static Result<RowConverter> create(const TableInfo &table, const QList<ColumnMapping> &columns,
                                       ConnectionSpec::Kind targetKind);

    // Fails only when the batch has a column create() did not know.
    Result<ConvertedBatch> convert(const TransformedBatch &batch) const;

private:
    struct Target
    {
        QString name;
        NormalizedType type;
        bool required = false;            // NOT NULL
        bool databaseDefault = false;     // DEFAULT or identity in the target
        std::optional<QVariant> fallback; // the mapping's default, converted
        bool spaceSeparated = false;      // a timestamp in SQLite's text form
    };
    static Result<Target> makeTarget(const QString &table, const ColumnInfo &column,
                                     const ColumnMapping *mapping, ConnectionSpec::Kind targetKind);
    static Conversion convertValue(const Target &target, const QVariant &value);
    void convertRow(const QList<const Target *> &targets, const QVariantList &input,
                    const QList<Violation> &functionViolations, ConvertedBatch &out) const;
    // The NULL in column of the row being converted: its value, violations and
    // database-default cells.
    void settleNull(const Target &target, qsizetype column, const QList<Violation> &earlier,
                    QVariant &value, QList<Violation> &violations, QBitArray &defaults) const;

    QString m_table;
    QHash<QString, Target> m_targets;
};

} // namespace cutover

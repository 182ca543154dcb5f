#pragma once

#include "dialect/ConnectionSpec.h"

#include <QStringList>
#include <QVariant>

namespace cutover {

// A source row's key as the run ledger keeps it (a compact JSON array of the key values, also
// used as the quarantine's source key), and the SQL conditions a resumed or incremental run
// reads with. Conditions are written in the source's dialect with identifiers quoted by
// SqlDialect and values as literals: numbers as numbers, everything else as quoted text.
class SourceKey
{
public:
    static QString toJson(const QVariantList &values);
    static QVariantList fromJson(const QString &json);
    // The key of row (values in `columns` order) over keyColumns, as JSON; "#<rowNumber>" when
    // there are no key columns (a keyless source: the row's position in the read).
    static QString of(const QStringList &columns, const QVariantList &row,
                      const QStringList &keyColumns, qint64 rowNumber);
    // A key as of() wrote it, as values to order by: a keyless row's position ("#12") as a
    // number, a text that is not a JSON array as one text value.
    static QVariantList parts(const QString &key);
    // Whether key a comes before key b as the key's type orders them, part by part: NULL first,
    // then numbers numerically, then text by its characters (the binary collation).
    static bool lessThan(const QVariantList &a, const QVariantList &b);

    // Rows after `last` in key order: "k" > 5, or ("a", "b") > (1, 'x') for a composite key.
    static QString afterCondition(ConnectionSpec::Kind kind, const QStringList &keyColumns,
                                  const QVariantList &last);
    // The row with this key: "k" = 5, or "a" = 1 AND "b" = 'x' for a composite key.
    static QString equalsCondition(ConnectionSpec::Kind kind, const QStringList &keyColumns,
                                   const QVariantList &key);
    // Rows whose watermark column is above the watermark.
    static QString watermarkCondition(ConnectionSpec::Kind kind, const QString &column,
                                      const QString &watermark);
    // True when value is above the current watermark text (numbers compare as numbers, anything
    // else as text, which orders ISO 8601 timestamps correctly).
    static bool aboveWatermark(const QVariant &value, const QString &watermark);
    static QString literal(const QVariant &value);
};

} // namespace cutover

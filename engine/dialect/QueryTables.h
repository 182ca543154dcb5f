#pragma once

#include "dialect/ConnectionSpec.h"

#include <QString>
#include <QStringList>

namespace cutover {

// The tables a source query reads, for drawing where a query-fed mapping's rows come from: the
// names after FROM and JOIN (and after the commas of a FROM list), schema-qualified or quoted,
// in subqueries too, kept when they name one of the known tables (so CTE names and table
// functions drop out) and spelled as the known table is. A query the dialect cannot tokenize
// reads no known table.
class QueryTables
{
public:
    static QStringList read(const QString &query, ConnectionSpec::Kind dialect,
                            const QStringList &knownTables);
};

} // namespace cutover

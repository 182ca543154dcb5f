#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/TableInfo.h"

#include <QStringList>

namespace cutover {

// A table introspected from one database (run --schema-from) to be created in another kind: its
// CHECK constraints and its partial and expression indexes are in the source's SQL, so they are
// translated (SqlExpressionTranslator, names kept) and those that do not translate are left out,
// each with a notice.
class ForeignTableDefinition
{
public:
    static TableInfo forTarget(const TableInfo &table, ConnectionSpec::Kind from,
                               ConnectionSpec::Kind to, QStringList &notices);
};

} // namespace cutover

#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/TableInfo.h"

#include <QStringList>

namespace cutover {
class PasswordProvider;
}

namespace cutover::test {

// What the introspection suites ask of a schema and a server, written once.
class SchemaProbe
{
public:
    static QStringList tableNames(const QList<TableInfo> &tables);
    static QStringList columnNames(const TableInfo &table);
    static const IndexInfo *index(const TableInfo &table, const QString &name);
    // Runs statements on a server through SqlConnection; false (with a warning) on the first error.
    static bool execute(const ConnectionSpec &spec, const PasswordProvider *passwords,
                        const QStringList &statements);
};

} // namespace cutover::test

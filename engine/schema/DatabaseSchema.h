#pragma once

#include "schema/TableInfo.h"

#include <QJsonObject>
#include <QList>

namespace cutover {

// Everything introspection learned about one connection.
class DatabaseSchema
{
public:
    QList<TableInfo> tables; // sorted by name

    const TableInfo *table(const QString &name) const;
    // Case-insensitive lookup, for suggestions in error messages.
    const TableInfo *tableIgnoringCase(const QString &name) const;
    QStringList tableNames() const;

    QJsonObject toJson() const;
};

} // namespace cutover

// The order in which tables can be created, loaded or emptied without breaking a foreign key:
// parents before children. Tables in a cycle keep their given order after the rest.
#pragma once

#include "schema/TableInfo.h"

#include <QList>

namespace cutover {

class ForeignKeyOrder
{
public:
    static QList<TableInfo> parentsFirst(const QList<TableInfo> &tables);
};

} // namespace cutover

#include "validate/PlannedTarget.h"

#include <algorithm>

namespace cutover {

DatabaseSchema PlannedTarget::of(const Project &project, const DatabaseSchema &target)
{
    DatabaseSchema planned = target;
    planned.tables += tablesToCreate(project, target);
    std::sort(planned.tables.begin(), planned.tables.end(),
              [](const TableInfo &a, const TableInfo &b) { return a.name < b.name; });
    return planned;
}

QList<TableInfo> PlannedTarget::tablesToCreate(const Project &project, const DatabaseSchema &target)
{
    QList<TableInfo> tables;
    for (const TableInfo &table : project.targetTables)
        if (!target.table(table.name))
            tables.append(table);
    return tables;
}

} // namespace cutover

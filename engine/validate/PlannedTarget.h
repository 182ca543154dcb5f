#pragma once

#include "project/Project.h"
#include "schema/DatabaseSchema.h"

#include <QStringList>

namespace cutover {

// The target as a run will find it: the tables it has, and the project's targetTables it lacks,
// which the run creates before it loads anything. Validation and the run both see this one.
class PlannedTarget
{
public:
    static DatabaseSchema of(const Project &project, const DatabaseSchema &target);
    // The project's targetTables that the target lacks, in the project's order.
    static QList<TableInfo> tablesToCreate(const Project &project, const DatabaseSchema &target);
};

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/RunOptions.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QStringList>

namespace cutover {

// Which tables a run loads, in which order, and which must wait for which: the project's
// mappings (or a phase's, or the ones named), parents before children by the target's foreign
// keys and by reference-exists rules, so a child's references find their parents loaded.
class RunPlanner
{
public:
    struct Table
    {
        const TableMapping *mapping = nullptr;
        TableInfo target;
        QStringList dependsOn;             // planned tables to finish first
        QStringList filters;               // the phase's filter, if any
        QStringList indexedColumns;        // columns planned tables' rules refer to
        QStringList selfReferencedColumns; // those of them the table's own rules refer to
    };

    // targets: the wanted target tables (introspected, or from the schema source), by name.
    static Result<QList<Table>> plan(const Project &project, const RunOptions &options,
                                     const QList<TableInfo> &targets);
    // A hash of what decides the rows a run writes (mappings, lookups, rules), so runs of a
    // different mapping are told apart and an interrupted run is not resumed with another.
    static QString mappingVersion(const Project &project);
    // The planned target tables, in the plan's order.
    static QList<TableInfo> targetsOf(const QList<Table> &plan);

private:
    static Result<void> checkTruncates(const Project &project, const RunOptions &options,
                                       const Phase &phase);
};

} // namespace cutover

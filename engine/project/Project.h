#pragma once

#include "dialect/ConnectionSpec.h"
#include "project/AdvisorAnswers.h"
#include "project/CanvasLayout.h"
#include "project/ConnectionDef.h"
#include "project/LookupMap.h"
#include "project/Phase.h"
#include "project/ProjectSettings.h"
#include "project/ReconcileSettings.h"
#include "project/Rule.h"
#include "project/RunbookPlan.h"
#include "project/TableMapping.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QString>

namespace cutover {

// Everything a *.cutover file holds. ProjectReader loads it, ProjectWriter saves it.
class Project
{
public:
    static constexpr int kFormatVersion = 2;

    QString name;
    QString description;
    QList<ConnectionDef> connections;
    QString sourceConnection; // name of the connection read from
    QString targetConnection; // name of the connection written to
    QList<TableMapping> mappings;
    // Target tables the run creates when the target lacks them (cutover-cli init writes them from
    // the source schema). Types are normalized ones; DdlGenerator spells them for the target.
    QList<TableInfo> targetTables;
    QList<LookupMap> lookups;
    QList<Rule> rules;
    QList<Phase> phases;
    ProjectSettings settings;
    ReconcileSettings reconcile;
    RunbookPlan runbook;
    AdvisorRecord advisor; // the strategy advisor's answers and recommendation
    CanvasLayout canvas;   // positions dragged on the mapping canvas; empty: automatic

    // Folder of the project file; relative connection paths resolve against it.
    QString baseDir;

    const ConnectionDef *connection(const QString &connectionName) const;
    // The target connection, parsed with relative paths resolved against baseDir; an error
    // naming it when the project has no connection of that name.
    Result<ConnectionSpec> targetSpec() const;
    const TableMapping *mapping(const QString &targetTable) const;
    const TableInfo *targetTable(const QString &tableName) const;
    const LookupMap *lookup(const QString &lookupName) const;
    const Phase *phase(const QString &phaseName) const;

    bool operator==(const Project &other) const = default;
};

} // namespace cutover

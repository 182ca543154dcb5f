#include "reconcile/PhaseScope.h"

#include <QSet>

namespace cutover {

PhaseScope PhaseScope::loadedSoFar(const Project &project, const QList<RunRecord> &runs)
{
    QSet<QString> loadedPhases;
    QSet<QString> loadedWhole; // tables a run of no phase read
    for (const RunRecord &run : runs) {
        if (!run.leftRows() || run.isRetry())
            continue;
        if (!run.phase.isEmpty())
            loadedPhases.insert(run.phase);
        else
            for (const RunTableRecord &table : run.tables)
                loadedWhole.insert(table.tableName);
    }
    PhaseScope scope;
    QList<const Phase *> loaded;
    for (const Phase &phase : project.phases) {
        const bool isLoaded = loadedPhases.contains(phase.name);
        (isLoaded ? scope.m_phases : scope.m_pending).append(phase.name);
        if (isLoaded)
            loaded.append(&phase);
    }
    if (scope.m_phases.isEmpty() || scope.m_pending.isEmpty())
        return PhaseScope();
    bool everyTableWhole = true;
    for (const TableMapping &mapping : project.mappings) {
        const auto rows = rowsRead(mapping.target, loaded, loadedWhole);
        if (rows)
            scope.m_filters.insert(mapping.target, *rows);
        everyTableWhole = everyTableWhole && rows && rows->isEmpty();
    }
    return everyTableWhole ? PhaseScope() : scope;
}

std::optional<QStringList> PhaseScope::rowsRead(const QString &table,
                                                const QList<const Phase *> &loaded,
                                                const QSet<QString> &loadedWhole)
{
    if (loadedWhole.contains(table))
        return QStringList();
    QStringList conditions;
    for (const Phase *phase : loaded) {
        if (!phase->tables.isEmpty() && !phase->tables.contains(table))
            continue;
        const QString filter = phase->filter.trimmed();
        if (filter.isEmpty())
            return QStringList(); // the phase loads the whole table
        conditions.append(QStringLiteral("(%1)").arg(filter));
    }
    if (conditions.isEmpty())
        return std::nullopt;
    return QStringList{conditions.join(QStringLiteral(" OR "))};
}

bool PhaseScope::covers(const QString &table) const
{
    return isWhole() || m_filters.contains(table);
}

QStringList PhaseScope::sourceFilters(const QString &table) const
{
    return m_filters.value(table);
}

} // namespace cutover

#include "PhaseScope.h"

#include <QSet>

namespace cutover {

PhaseScope PhaseScope::loadedSoFar(const Project &project, const QList<RunRecord> &runs)
{
    QSet<QString> loaded;
    for (const RunRecord &run : runs) {
        if (!run.leftRows())
            continue;
        if (run.phase.isEmpty())
            return PhaseScope(); // a run of every phase's tables
        loaded.insert(run.phase);
    }
    PhaseScope scope;
    scope.m_project = &project;
    for (const Phase &phase : project.phases)
        (loaded.contains(phase.name) ? scope.m_phases : scope.m_pending).append(phase.name);
    if (scope.m_phases.isEmpty() || scope.m_pending.isEmpty())
        return PhaseScope();
    return scope;
}

QList<const Phase *> PhaseScope::phasesOf(const QString &table) const
{
    QList<const Phase *> found;
    for (const QString &name : m_phases)
        if (const Phase *phase = m_project->phase(name))
            if (phase->tables.isEmpty() || phase->tables.contains(table))
                found.append(phase);
    return found;
}

bool PhaseScope::covers(const QString &table) const
{
    return isWhole() || !phasesOf(table).isEmpty();
}

QStringList PhaseScope::sourceFilters(const QString &table) const
{
    if (isWhole())
        return {};
    QStringList conditions;
    for (const Phase *phase : phasesOf(table)) {
        const QString filter = phase->filter.trimmed();
        if (filter.isEmpty())
            return {}; // a phase loads the whole table
        conditions.append(QStringLiteral("(%1)").arg(filter));
    }
    return {conditions.join(QStringLiteral(" OR "))};
}

} // namespace cutover

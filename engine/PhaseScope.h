#pragma once

#include "Project.h"
#include "RunRecord.h"

#include <QList>
#include <QStringList>

namespace cutover {

// What a reconciliation expects in a target loaded phase by phase: the rows of the phases
// loaded so far. Before the last phase, the rows of the others are not missing, only not yet
// due. Once every phase is loaded (or any run loaded the whole project, or none ran at all), the
// scope is the whole project again, so that a row no phase selects shows as missing.
class PhaseScope
{
public:
    // The whole project.
    PhaseScope() = default;
    // The phases the project's runs (newest first, as RunLedger gives them) have loaded: runs
    // that wrote something (not dry, not rolled back).
    static PhaseScope loadedSoFar(const Project &project, const QList<RunRecord> &runs);

    bool isWhole() const { return m_phases.isEmpty(); }
    const QStringList &phases() const { return m_phases; }   // in the project's order
    const QStringList &pending() const { return m_pending; } // the phases not loaded yet
    bool covers(const QString &table) const;
    // The source conditions selecting the table's rows in scope, AND-ed to the mapping's own
    // filter; empty when every row of the table is in scope.
    QStringList sourceFilters(const QString &table) const;

private:
    QList<const Phase *> phasesOf(const QString &table) const;

    const Project *m_project = nullptr;
    QStringList m_phases;
    QStringList m_pending;
};

} // namespace cutover

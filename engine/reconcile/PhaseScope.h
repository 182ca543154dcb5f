#pragma once

#include "project/Project.h"
#include "run/ledger/RunRecord.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace cutover {

// What a reconciliation expects in a target loaded phase by phase: the rows of the phases
// loaded so far. Before the last phase, the rows of the others are not missing, only not yet
// due. Once every phase is loaded (or runs of all tables loaded every table whole, or nothing
// ran at all), the scope is the whole project again, so that a row no phase selects shows as
// missing. Runs count when they left rows (not dry, not rolled back) and read the source
// (a retry of quarantined rows loads no phase of its own).
class PhaseScope
{
public:
    // The whole project.
    PhaseScope() = default;
    static PhaseScope loadedSoFar(const Project &project, const QList<RunRecord> &runs);

    bool isWhole() const { return m_phases.isEmpty(); }
    const QStringList &phases() const { return m_phases; }   // loaded, in the project's order
    const QStringList &pending() const { return m_pending; } // not loaded yet
    bool covers(const QString &table) const;
    // The source conditions selecting the table's rows in scope, AND-ed to the mapping's own
    // filter; empty when every row of the table is in scope.
    QStringList sourceFilters(const QString &table) const;

private:
    // The rows of table that the loaded phases, and runs of no phase, have read: nullopt for
    // none, an empty list for all, else the one condition selecting them.
    static std::optional<QStringList> rowsRead(const QString &table,
                                               const QList<const Phase *> &loaded,
                                               const QSet<QString> &loadedWhole);

    QStringList m_phases;
    QStringList m_pending;
    QHash<QString, QStringList> m_filters; // covered tables -> their source filters
};

} // namespace cutover

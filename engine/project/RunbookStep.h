#pragma once

#include <QString>

namespace cutover {

// One step of the cutover runbook. Manual steps are ticked off by their owner; the others run
// an engine action. A gate step needs a sign-off before the next step may start.
struct RunbookStep
{
    enum class Action
    {
        Manual,
        Backup,
        DryRun,
        Run,
        IncrementalSync,
        Reconcile,
        Rollback
    };

    QString id;
    QString title;
    QString owner;
    QString description;
    Action action = Action::Manual;
    QString phase; // for Run / DryRun / IncrementalSync: the phase, empty for all
    bool gate = false;

    bool operator==(const RunbookStep &) const = default;
};

} // namespace cutover

#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// Who carries out a runbook step: a person and the role they hold in the cutover.
struct RunbookOwner
{
    QString name;
    QString role;

    bool isEmpty() const { return name.isEmpty() && role.isEmpty(); }
    bool operator==(const RunbookOwner &) const = default;
};

// The conditions a gate step (go / no-go) needs before it may be marked done. Its predecessors
// must be done in any case.
struct RunbookGate
{
    bool enabled = false;
    // A reconciliation report with status Pass, newer than the newest run.
    bool passReport = true;
    // Roles (or names) whose approving sign-off the gate needs.
    QStringList signoffs;
    // The newest run's quarantined share must stay under this; -1: the project's maxErrorRate.
    double maxErrorRate = -1;

    bool operator==(const RunbookGate &) const = default;
};

// One step of the cutover runbook. Manual steps are ticked off by their owner; the others run
// an engine action. Steps wait for the steps named in `after`.
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

    // Where the step sits in the runbook; Rollback steps are a contingency, carried out only
    // after a no-go, and so stay out of the planned end of the cutover.
    enum class Section
    {
        PreMigration,
        Execution,
        IncrementalSync,
        Validation,
        Decision,
        Monitoring,
        Rollback,
        Decommission
    };

    QString id;
    QString title;
    QString description;
    Section section = Section::Execution;
    RunbookOwner owner;
    Action action = Action::Manual;
    QString phase;           // for Run / DryRun / IncrementalSync: the phase, empty for all
    int durationMinutes = 0; // planned
    // Plan with the median of this step's last rehearsals when there are any.
    bool durationFromRehearsals = false;
    QStringList after; // ids of the steps this one waits for
    RunbookGate gate;

    bool isContingency() const { return section == Section::Rollback; }
    // Not part of the cutover's downtime: a contingency, or monitoring and decommission, which
    // come after the new system is live. The cutover window is measured without them.
    bool isOutsideCutover() const
    {
        return isContingency() || section == Section::Monitoring ||
               section == Section::Decommission;
    }
    bool isAutomated() const { return action != Action::Manual; }

    bool operator==(const RunbookStep &) const = default;
};

} // namespace cutover

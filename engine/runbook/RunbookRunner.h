#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileReport.h"
#include "run/RunControl.h"
#include "run/RunOptions.h"
#include "run/RunRollback.h"
#include "run/ledger/RunRecord.h"
#include "runbook/RunbookService.h"

#include <functional>

namespace cutover {

class PasswordProvider;
class RunEngine;

// Carries out an automated runbook step: marks it in progress, runs its engine action (dry
// run, run of a phase or all, incremental sync, reconcile, rollback, backup), records the run,
// report or backup as the step's evidence and in the audit trail, and marks the step done or
// failed from the result. Blocking: call it off the GUI thread. The window runs the engine
// itself (its run monitor) and hands the result to the record functions.
class RunbookRunner
{
public:
    using Notice = std::function<void(const QString &)>;
    // Called with the engine while a run goes, to show its progress.
    using EngineWatch = std::function<void(const RunEngine &)>;

    struct Outcome
    {
        StepStatus status = StepStatus::Pending;
        Evidence evidence;
        QStringList blockers; // a gate that held the step back after its action
    };

    RunbookRunner(RunbookService &service, const QString &projectPath,
                  const PasswordProvider *passwords = nullptr);
    void setNotice(Notice notice) { m_notice = std::move(notice); }

    Result<Outcome> run(const QString &stepId, RunControl &control);

    // The run options of a Run, DryRun or IncrementalSync step.
    static RunOptions runOptions(const RunbookStep &step);

    Result<Outcome> recordRun(const RunbookStep &step, const RunRecord &run);
    Result<Outcome> recordReport(const RunbookStep &step, const ReconcileReport &report);
    Result<Outcome> recordRollback(const RunbookStep &step, const RunRollback::Report &report);

private:
    Result<void> begin(const RunbookStep &step);
    Result<Outcome> runEngine(const RunbookStep &step, RunControl &control);
    Result<Outcome> reconcile(const RunbookStep &step);
    Result<Outcome> rollback(const RunbookStep &step);
    Result<Outcome> backup(const RunbookStep &step, const RunControl &control);
    Result<Outcome> finish(const RunbookStep &step, Evidence evidence, bool succeeded,
                           const QString &note = {});
    Result<Outcome> failWith(const RunbookStep &step, const Error &error);
    void notice(const QString &text) const;

    RunbookService &m_service;
    QString m_projectPath;
    const PasswordProvider *m_passwords;
    Notice m_notice;
};

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "runbook/GateCheck.h"
#include "runbook/RunbookJournal.h"

namespace cutover {

class PasswordProvider;

// What goes with a change to a step.
struct StepChange
{
    QString note;
    // Overrides the order of steps (a predecessor not done), never a gate's conditions and never
    // an unpassed gate before the step; the override is noted in the trail.
    bool force = false;
};

// The runbook's commands with their rules, for cutover-cli and the window alike: start a
// rehearsal or the live cutover, start, finish, skip, fail or block a step, note, sign off,
// record evidence. Each change is appended to the audit trail (RunbookJournal); each refusal is
// an Error::Code::Validation whose message lists the reasons in words.
class RunbookService
{
public:
    RunbookService(Project project, const QString &projectPath,
                   const PasswordProvider *passwords = nullptr);

    const Project &project() const { return m_project; }
    const RunbookPlan &plan() const { return m_project.runbook; }
    RunbookJournal &journal() { return m_journal; }

    Result<RunbookState> state() const;
    // The execution under way; an error saying how to start one when there is none.
    Result<RunbookExecution> current() const;
    Result<const RunbookStep *> step(const QString &id) const;

    Result<RunbookExecution> start(RunbookExecution::Mode mode);
    Result<void> end();

    using Change = StepChange;
    Result<void> startStep(const QString &id, const Change &change = {});
    // Done checks the step's gate (reading the target's runs and reports); done on a gate
    // records the decision "go", failed on a gate "no-go".
    Result<void> finishStep(const QString &id, StepStatus status, const Change &change = {});
    Result<void> note(const QString &id, const QString &text);
    Result<void> signOff(const QString &id, SignOff signoff);
    Result<void> addEvidence(const QString &id, const Evidence &evidence);

    // Why the step may not be done now, reading the gate's facts from the target.
    Result<GateCheck::Verdict> check(const QString &id) const;
    Result<GateCheck::Verdict> check(const RunbookStep &step, const RunbookExecution &e) const;

private:
    // The step and the execution under way, or the error saying which is missing.
    struct UnderWay
    {
        const RunbookStep *step;
        RunbookExecution execution;
    };
    Result<UnderWay> underWay(const QString &id) const;
    Result<void> refuseUnpassedGates(const RunbookStep &step, const RunbookExecution &e) const;
    Result<void> checkOrder(const RunbookStep &step, const RunbookExecution &e,
                            const Change &change) const;
    Result<void> done(const RunbookStep &step, const RunbookExecution &e, const Change &change);
    Result<void> failed(const RunbookStep &step, const RunbookExecution &e, const Change &change);
    Result<void> reset(const RunbookStep &step, const RunbookExecution &e, const Change &change);
    QString withForceNote(const Change &change) const;

    Project m_project;
    RunbookJournal m_journal;
    const PasswordProvider *m_passwords;
};

} // namespace cutover

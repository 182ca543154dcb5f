#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "project/RunbookPlan.h"
#include "runbook/GateCheck.h"
#include "runbook/GateFacts.h"
#include "runbook/RehearsalDurations.h"
#include "runbook/RunbookSchedule.h"
#include "runbook/RunbookState.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cutover {

class PasswordProvider;

// Everything the runbook's exports and the status update show, in one value: the plan's steps in
// plan order, each with its state in the execution shown, its schedule (planned, actual and
// forecast times, lateness, whether it is critical) and, for a gate not yet passed, which of its
// conditions hold and which block it; the schedule's end against the window and its RAG status
// with the reasons; the sign-offs and the go / no-go decision; the newest run and report on the
// target; and the rehearsals side by side.
//
// The execution shown is the one under way, else the newest one that ended (its forecasts are
// then made at its end, so an exported record of a finished cutover does not change later).
// read() does the reading; assemble() is pure, so tests build documents from hand-made inputs.
struct RunbookDocument
{
    struct Step
    {
        RunbookStep plan;
        StepState state;
        RunbookSchedule::StepTimes times;
        // A gate step not done or skipped yet: what holds and what blocks it now.
        std::optional<GateCheck::Verdict> gate;
    };

    struct Inputs
    {
        QString projectName;
        RunbookPlan plan;
        RunbookState state;
        GateFacts facts;
        // Why the facts could not be read (the target is unreachable), empty when they were.
        QString factsError;
        QDateTime now;
    };

    QString project;
    RunbookPlan plan; // the plan as written, steps in plan order
    QDateTime now;    // when the document was made; clock times are shown in its time zone
    // The time the forecasts are made at: now, or the end of an execution that ended.
    QDateTime clock;
    std::optional<RunbookExecution> execution;

    QDateTime anchor;
    QDateTime plannedEnd;
    QDateTime forecastEnd;
    QDateTime windowEnd; // invalid without a window
    int plannedMinutes = 0;
    int forecastMinutes = 0;
    RunbookSchedule::Rag rag = RunbookSchedule::Rag::Green;
    QStringList ragReasons;
    QStringList criticalPath; // step ids in the order they are carried out

    QList<Step> steps; // in plan order
    GateFacts facts;
    QString factsError;
    // The last kRehearsalColumns rehearsals; empty rehearsals when there were none.
    RehearsalDurations::Comparison rehearsals;

    // Wider than five rehearsals side by side does not fit an A4 page upright.
    static constexpr int kRehearsalColumns = 5;

    const Step *step(const QString &id) const;
    // The step's title, or its id when the plan has no such step.
    QString titleOf(const QString &id) const;
    bool isLive() const;

    static Result<RunbookDocument> assemble(const Inputs &inputs);
    // Reads the runbook's state from the project's audit trail and the gate facts from the target
    // (a target that cannot be read leaves the facts empty, with factsError saying why).
    static Result<RunbookDocument> read(const Project &project, const QString &projectPath,
                                        const PasswordProvider *passwords, const QDateTime &now);

private:
    static const RunbookExecution *shown(const RunbookState &state);
    void takeSchedule(const RunbookSchedule &schedule);
    void addSteps(const RunbookSchedule &schedule);
    static std::optional<GateCheck::Verdict> gateOf(const RunbookPlan &plan,
                                                    const RunbookStep &step, const StepState &state,
                                                    const RunbookExecution *execution,
                                                    const GateFacts &facts);
};

} // namespace cutover

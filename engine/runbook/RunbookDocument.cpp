#include "runbook/RunbookDocument.h"

#include "runbook/RunbookService.h"

namespace cutover {

const RunbookDocument::Step *RunbookDocument::step(const QString &id) const
{
    for (const Step &s : steps)
        if (s.plan.id == id)
            return &s;
    return nullptr;
}

QString RunbookDocument::titleOf(const QString &id) const
{
    const Step *s = step(id);
    return s && !s->plan.title.isEmpty() ? s->plan.title : id;
}

bool RunbookDocument::isLive() const
{
    return execution && execution->mode == RunbookExecution::Mode::Live;
}

const RunbookExecution *RunbookDocument::shown(const RunbookState &state)
{
    if (const RunbookExecution *open = state.current())
        return open;
    return state.executions.isEmpty() ? nullptr : &state.executions.constLast();
}

Result<RunbookDocument> RunbookDocument::assemble(const Inputs &inputs)
{
    RunbookDocument d;
    d.project = inputs.projectName;
    d.plan = inputs.plan;
    d.now = inputs.now;
    d.facts = inputs.facts;
    d.factsError = inputs.factsError;
    const RunbookExecution *execution = shown(inputs.state);
    if (execution)
        d.execution = *execution;
    d.clock = execution && !execution->isOpen() ? execution->ended : inputs.now;
    // The schedule reads clock times in the time zone of the time it is given.
    const QDateTime clock = d.clock.toTimeZone(inputs.now.timeZone());
    const auto schedule = RunbookSchedule::compute(
        inputs.plan, execution, clock, RehearsalDurations::forPlan(inputs.plan, inputs.state));
    if (!schedule)
        return schedule.error();
    d.takeSchedule(*schedule);
    d.addSteps(*schedule);
    if (!inputs.state.rehearsals().isEmpty())
        d.rehearsals = RehearsalDurations::compare(inputs.plan, inputs.state, kRehearsalColumns);
    return d;
}

void RunbookDocument::takeSchedule(const RunbookSchedule &schedule)
{
    // In the time zone of now, so that the anchor's day is the day the exports count from.
    anchor = schedule.anchor().toTimeZone(now.timeZone());
    plannedEnd = schedule.plannedEnd();
    forecastEnd = schedule.forecastEnd();
    windowEnd = schedule.windowEnd();
    plannedMinutes = schedule.plannedMinutes();
    forecastMinutes = schedule.forecastMinutes();
    rag = schedule.rag();
    ragReasons = schedule.ragReasons();
    criticalPath = schedule.criticalPath();
}

void RunbookDocument::addSteps(const RunbookSchedule &schedule)
{
    const RunbookExecution *e = execution ? &*execution : nullptr;
    for (const RunbookStep &planned : plan.steps) {
        Step s;
        s.plan = planned;
        s.state = e ? e->step(planned.id) : StepState{};
        if (const RunbookSchedule::StepTimes *t = schedule.step(planned.id))
            s.times = *t;
        s.gate = gateOf(plan, planned, s.state, e, facts);
        steps.append(s);
    }
}

std::optional<GateCheck::Verdict>
RunbookDocument::gateOf(const RunbookPlan &plan, const RunbookStep &step, const StepState &state,
                        const RunbookExecution *execution, const GateFacts &facts)
{
    if (!step.gate.enabled || state.status == StepStatus::Done ||
        state.status == StepStatus::Skipped)
        return std::nullopt;
    // Before any execution, what the gate would need of one that starts now.
    return GateCheck::check(plan, step, execution ? *execution : RunbookExecution{}, facts);
}

Result<RunbookDocument> RunbookDocument::read(const Project &project, const QString &projectPath,
                                              const PasswordProvider *passwords,
                                              const QDateTime &now)
{
    Inputs inputs;
    inputs.projectName = project.name;
    inputs.plan = project.runbook;
    inputs.now = now;
    const auto state = RunbookService(project, projectPath, passwords).state();
    if (!state)
        return state.error();
    inputs.state = *state;
    // The runbook is still worth sending when the target is down; the exports say why the
    // figures are missing.
    if (auto facts = GateFacts::read(project, passwords))
        inputs.facts = *facts;
    else
        inputs.factsError = facts.error().message();
    inputs.facts.maxErrorRate = project.settings.maxErrorRate;
    return assemble(inputs);
}

} // namespace cutover

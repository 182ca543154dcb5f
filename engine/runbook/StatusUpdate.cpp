#include "runbook/StatusUpdate.h"

#include "runbook/RunbookText.h"

#include <algorithm>

namespace cutover {

namespace {

using Step = RunbookDocument::Step;

bool finished(StepStatus s)
{
    return s == StepStatus::Done || s == StepStatus::Skipped;
}

bool inCutover(const Step &s)
{
    return !s.plan.isOutsideCutover();
}

bool cutoverFinished(const RunbookDocument &d)
{
    bool any = false;
    for (const Step &s : d.steps) {
        if (!inCutover(s))
            continue;
        if (!finished(s.state.status))
            return false;
        any = true;
    }
    return any;
}

StatusUpdate::Item itemOf(const Step &s, const QDateTime &time)
{
    return {s.plan.id, s.plan.title.isEmpty() ? s.plan.id : s.plan.title,
            RunbookText::owner(s.plan.owner), s.state.status, time};
}

// Every predecessor finished or under way: the step comes next.
bool isReady(const RunbookDocument &d, const Step &s)
{
    for (const QString &id : s.plan.after) {
        const Step *before = d.step(id);
        if (before && !finished(before->state.status) &&
            before->state.status != StepStatus::InProgress)
            return false;
    }
    return true;
}

void sortByTime(QList<StatusUpdate::Item> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        if (a.time.isValid() != b.time.isValid())
            return a.time.isValid();
        return a.time < b.time;
    });
}

QString lastNote(const StepState &state)
{
    return state.notes.isEmpty() ? QString() : QStringLiteral(": ") + state.notes.constLast().text;
}

} // namespace

double StatusUpdate::Metrics::rowsPerSecond() const
{
    if (!hasRun || seconds <= 0)
        return -1;
    return double(rowsLoaded + rowsQuarantined) / seconds;
}

StatusUpdate StatusUpdate::of(const RunbookDocument &d)
{
    StatusUpdate u;
    u.project = d.project;
    u.execution = d.execution;
    u.at = d.now;
    u.nextUpdate = d.now.addSecs(60LL * kUpdateEveryMinutes);
    u.rag = d.rag;
    u.issues = issuesOf(d);
    u.status = statusOf(d);
    u.phase = phaseOf(d);
    u.takeProgress(d);
    u.takeSteps(d);
    u.takeNext(d);
    u.metrics = metricsOf(d);
    u.takeDowntime(d);
    return u;
}

// Issues encountered: a step failed or is blocked, the RAG status is red, or the execution
// ended before the cutover's steps were done. Risks alone (a gate still waiting for its
// sign-offs, a forecast later than planned) leave it in progress.
StatusUpdate::Status StatusUpdate::statusOf(const RunbookDocument &d)
{
    if (!d.execution)
        return Status::Planning;
    const bool stuck = std::any_of(d.steps.cbegin(), d.steps.cend(), [](const Step &s) {
        return s.state.status == StepStatus::Failed || s.state.status == StepStatus::Blocked;
    });
    const bool complete = cutoverFinished(d);
    if (stuck || d.rag == RunbookSchedule::Rag::Red || (!d.execution->isOpen() && !complete))
        return Status::IssuesEncountered;
    return complete ? Status::Complete : Status::InProgress;
}

StatusUpdate::Phase StatusUpdate::phaseOf(RunbookStep::Section section)
{
    switch (section) {
    case RunbookStep::Section::PreMigration:
        return Phase::PreMigration;
    case RunbookStep::Section::Monitoring:
    case RunbookStep::Section::Decommission:
        return Phase::PostMigration; // the new system is live by then
    default:
        return Phase::Migration;
    }
}

// The furthest phase any step under way or done has reached.
StatusUpdate::Phase StatusUpdate::phaseOf(const RunbookDocument &d)
{
    if (d.execution && cutoverFinished(d))
        return Phase::PostMigration;
    Phase phase = Phase::PreMigration;
    for (const Step &s : d.steps)
        if (s.state.status == StepStatus::InProgress || s.state.status == StepStatus::Done)
            phase = std::max(phase, phaseOf(s.plan.section));
    return phase;
}

void StatusUpdate::takeProgress(const RunbookDocument &d)
{
    qint64 total = 0;
    qint64 done = 0;
    for (const Step &s : d.steps) {
        if (!inCutover(s))
            continue;
        ++stepsInCutover;
        total += s.times.durationMinutes;
        if (finished(s.state.status)) {
            ++stepsFinished;
            done += s.times.durationMinutes;
        }
    }
    // Steps of no planned length count alike; down, so 100% means every step is finished.
    if (total == 0) {
        total = stepsInCutover;
        done = stepsFinished;
    }
    progressPercent = total > 0 ? int(100 * done / total) : 0;
}

void StatusUpdate::takeSteps(const RunbookDocument &d)
{
    for (const Step &s : d.steps) {
        if (finished(s.state.status))
            completed.append(
                itemOf(s, s.times.actualEnd.isValid() ? s.times.actualEnd : s.state.finished));
        else if (s.state.status == StepStatus::InProgress)
            inProgress.append(itemOf(s, s.times.forecastEnd));
    }
    sortByTime(completed);
}

// The steps that may start now or once what is under way finishes. Nothing is listed behind a
// failed or blocked step: the issues say what holds the cutover up.
void StatusUpdate::takeNext(const RunbookDocument &d)
{
    QList<Item> ready;
    for (const Step &s : d.steps)
        if (s.state.status == StepStatus::Pending && !s.plan.isContingency() && isReady(d, s))
            ready.append(itemOf(s, s.times.forecastStart));
    sortByTime(ready);
    next = ready.mid(0, kNextSteps);
}

void StatusUpdate::takeDowntime(const RunbookDocument &d)
{
    downtimeFromWindow = d.plan.windowMinutes > 0;
    plannedDowntimeMinutes = downtimeFromWindow ? d.plan.windowMinutes : d.plannedMinutes;
    forecastDowntimeMinutes = d.forecastMinutes;
    if (!d.execution || !d.execution->started.isValid())
        return;
    const QDateTime end = cutoverFinished(d) ? d.forecastEnd : d.clock;
    actualDowntimeMinutes = int(std::max<qint64>(0, d.execution->started.secsTo(end) / 60));
}

StatusUpdate::Metrics StatusUpdate::metricsOf(const RunbookDocument &d)
{
    Metrics m;
    m.unavailable = d.factsError;
    m.report = d.facts.newestReport;
    m.maxErrorRate = d.facts.maxErrorRate;
    if (!d.facts.newestRun)
        return m;
    const RunRecord &run = *d.facts.newestRun;
    m.hasRun = true;
    m.runId = run.runId;
    m.runPhase = run.phase;
    m.runStatus = run.status;
    m.runFinished = run.finishedAt;
    m.seconds = run.seconds();
    m.errorRate = d.facts.newestRunErrorRate();
    for (const RunTableRecord &t : run.tables) {
        m.rowsLoaded += t.loaded;
        m.rowsQuarantined += t.quarantined;
        m.rowsExpected += std::max<qint64>(0, t.sourceRows - t.skipped);
    }
    return m;
}

QList<StatusUpdate::Issue> StatusUpdate::issuesOf(const RunbookDocument &d)
{
    QList<Issue> issues;
    addStepIssues(d, issues);
    addScheduleIssues(d, issues);
    addGateIssues(d, issues);
    addEndIssues(d, issues);
    std::stable_sort(issues.begin(), issues.end(),
                     [](const Issue &a, const Issue &b) { return a.severity > b.severity; });
    return issues;
}

void StatusUpdate::addStepIssues(const RunbookDocument &d, QList<Issue> &issues)
{
    const std::optional<GoNoGo> decision = d.execution ? d.execution->decision : std::nullopt;
    for (const Step &s : d.steps) {
        const StepStatus status = s.state.status;
        if (status != StepStatus::Failed && status != StepStatus::Blocked)
            continue;
        const QString step = QStringLiteral("%1 (%2)").arg(s.plan.title, s.plan.id);
        QString text = status == StepStatus::Failed ? step + QStringLiteral(" failed")
                                                    : step + QStringLiteral(" is blocked");
        if (decision && !decision->go && decision->step == s.plan.id)
            text = QStringLiteral("No-go decided on %1 by %2").arg(step, decision->by) +
                   (decision->comment.isEmpty() ? QString()
                                                : QStringLiteral(": ") + decision->comment);
        else
            text += lastNote(s.state);
        const bool grave = s.times.critical || s.plan.gate.enabled || s.plan.isContingency();
        issues.append({text, grave ? Severity::High : Severity::Medium});
    }
}

// The RAG reasons that are not about a failed or blocked step (those are listed above with
// their notes): the forecast against the window and the plan.
void StatusUpdate::addScheduleIssues(const RunbookDocument &d, QList<Issue> &issues)
{
    if (d.rag == RunbookSchedule::Rag::Green)
        return;
    QStringList stepReasons;
    for (const Step &s : d.steps)
        stepReasons << QStringLiteral("Step %1 failed").arg(s.plan.id)
                    << QStringLiteral("Step %1 is blocked").arg(s.plan.id);
    // RunbookSchedule lists the window's finding first; past the window, it is the red one.
    const bool pastWindow = d.windowEnd.isValid() && d.forecastEnd > d.windowEnd;
    for (qsizetype i = 0; i < d.ragReasons.size(); ++i) {
        const QString &reason = d.ragReasons.at(i);
        const bool aboutStep =
            std::any_of(stepReasons.cbegin(), stepReasons.cend(),
                        [&reason](const QString &p) { return reason.startsWith(p); });
        if (!aboutStep)
            issues.append({reason, pastWindow && i == 0 ? Severity::High : Severity::Medium});
    }
}

// What holds up a gate besides its predecessors: the report, the sign-offs, the error rate.
// Due (every step before it finished) they hold up the cutover now; before that they are a risk.
void StatusUpdate::addGateIssues(const RunbookDocument &d, QList<Issue> &issues)
{
    const RunbookExecution none;
    const RunbookExecution &e = d.execution ? *d.execution : none;
    for (const Step &s : d.steps) {
        if (!s.gate || s.state.status == StepStatus::Failed)
            continue;
        const QStringList waiting = GateCheck::waitingFor(d.plan, s.plan, e);
        const Severity severity = waiting.isEmpty() ? Severity::Medium : Severity::Low;
        for (const QString &blocker : s.gate->blockers)
            if (!waiting.contains(blocker))
                issues.append({QStringLiteral("%1: %2").arg(s.plan.title, blocker), severity});
    }
}

void StatusUpdate::addEndIssues(const RunbookDocument &d, QList<Issue> &issues)
{
    if (!d.execution || d.execution->isOpen() || cutoverFinished(d))
        return;
    qsizetype open = 0;
    for (const Step &s : d.steps)
        open += inCutover(s) && !finished(s.state.status);
    issues.append({QStringLiteral("%1 ended at %2 with %3 of the cutover's steps not done")
                       .arg(RunbookText::execution(*d.execution),
                            RunbookText::dateTime(d.execution->ended, d.now))
                       .arg(open),
                   Severity::High});
}

QString StatusUpdate::subject() const
{
    return QStringLiteral("[MIGRATION-%1] %2 Status - %3")
        .arg(project, isRehearsal() ? QStringLiteral("Rehearsal") : QStringLiteral("Migration"),
             RunbookText::dateTime(at, at));
}

bool StatusUpdate::isRehearsal() const
{
    return execution && execution->mode == RunbookExecution::Mode::Rehearsal;
}

QString StatusUpdate::statusTitle(Status status)
{
    switch (status) {
    case Status::Planning:
        return QStringLiteral("Planning");
    case Status::InProgress:
        return QStringLiteral("In Progress");
    case Status::Complete:
        return QStringLiteral("Complete");
    case Status::IssuesEncountered:
        return QStringLiteral("Issues Encountered");
    }
    return {};
}

QString StatusUpdate::phaseTitle(Phase phase)
{
    switch (phase) {
    case Phase::PreMigration:
        return QStringLiteral("Pre-Migration");
    case Phase::Migration:
        return QStringLiteral("Migration");
    case Phase::PostMigration:
        return QStringLiteral("Post-Migration");
    }
    return {};
}

QString StatusUpdate::severityLetter(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return QStringLiteral("L");
    case Severity::Medium:
        return QStringLiteral("M");
    case Severity::High:
        return QStringLiteral("H");
    }
    return {};
}

} // namespace cutover

#include "RunbookPrinter.h"

#include "project/ProjectVocabulary.h"
#include "project/RunbookVocabulary.h"
#include "runbook/RunbookStateVocabulary.h"
#include "runbook/RunbookText.h"

namespace cutover::cli {

namespace {

QString mark(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("[ ]");
    case StepStatus::InProgress:
        return QStringLiteral("[>]");
    case StepStatus::Done:
        return QStringLiteral("[x]");
    case StepStatus::Skipped:
        return QStringLiteral("[-]");
    case StepStatus::Failed:
        return QStringLiteral("[!]");
    case StepStatus::Blocked:
        return QStringLiteral("[#]");
    }
    return {};
}

QString clock(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("HH:mm"))
                          : QStringLiteral("--:--");
}

} // namespace

void RunbookPrinter::print(const QString &projectName, const RunbookExecution *execution)
{
    header(projectName, execution);
    if (m_plan.steps.isEmpty()) {
        m_out << "\nThe runbook has no steps yet: 'cutover-cli runbook PROJECT advise' recommends "
                 "a strategy, 'runbook PROJECT generate' writes its runbook.\n";
        m_out.flush();
        return;
    }
    // In plan order, which is the order of work, with a heading where the section changes.
    std::optional<RunbookStep::Section> section;
    for (const RunbookStep &step : m_plan.steps) {
        if (step.section != section)
            m_out << '\n' << RunbookVocabulary::sectionTitle(step.section) << '\n';
        section = step.section;
        this->step(step, execution);
    }
    if (execution)
        signoffs(*execution);
    m_out.flush();
}

void RunbookPrinter::header(const QString &projectName, const RunbookExecution *execution)
{
    m_out << "Runbook of " << projectName;
    if (!m_plan.strategy.isEmpty())
        m_out << ": " << RunbookVocabulary::strategyTitle(m_plan.strategy) << " strategy";
    if (m_plan.windowMinutes > 0)
        m_out << ", cutover window " << RunbookText::minutes(m_plan.windowMinutes);
    m_out << '\n';
    m_out << "Planned end " << clock(m_schedule.plannedEnd()) << ", forecast end "
          << clock(m_schedule.forecastEnd());
    if (m_schedule.windowEnd().isValid())
        m_out << ", window ends " << clock(m_schedule.windowEnd());
    m_out << " (UTC). Status: " << RunbookSchedule::ragName(m_schedule.rag()).toUpper() << '\n';
    for (const QString &reason : m_schedule.ragReasons())
        m_out << "  " << reason << '\n';
    if (!m_schedule.criticalPath().isEmpty())
        m_out << "Critical path (*): " << m_schedule.criticalPath().join(QStringLiteral(" → "))
              << '\n';
    if (!execution) {
        m_out << "Nothing under way: 'runbook PROJECT start --rehearsal' or '--live' starts it.\n";
        return;
    }
    m_out << (execution->mode == RunbookExecution::Mode::Live ? "Live cutover " : "Rehearsal ")
          << execution->id << " under way since "
          << execution->started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
          << " (started by " << execution->startedBy << ")\n";
    if (execution->decision)
        m_out << "Decision: " << (execution->decision->go ? "GO" : "NO-GO") << " by "
              << execution->decision->by << " at " << clock(execution->decision->at) << '\n';
}

void RunbookPrinter::step(const RunbookStep &step, const RunbookExecution *execution)
{
    const StepState state = execution ? execution->step(step.id) : StepState{};
    const RunbookSchedule::StepTimes *t = m_schedule.step(step.id);
    const bool critical = t && t->critical;
    m_out << "  " << mark(state.status) << (critical ? '*' : ' ') << step.id.leftJustified(22)
          << ' ' << step.title.leftJustified(44) << ' '
          << RunbookText::owner(step.owner).leftJustified(24) << ' '
          << RunbookText::minutes(t ? t->durationMinutes : step.durationMinutes).rightJustified(9);
    if (step.isAutomated())
        m_out << "  auto:" << ProjectVocabulary::actionName(step.action);
    if (step.gate.enabled)
        m_out << "  GATE";
    m_out << '\n';
    times(step, state);
    for (const Evidence &e : state.evidence)
        m_out << "        evidence: " << e.summary << '\n';
    for (const StepNote &n : state.notes)
        m_out << "        note (" << n.who << ", " << clock(n.at) << "): " << n.text << '\n';
}

void RunbookPrinter::times(const RunbookStep &step, const StepState &state)
{
    const RunbookSchedule::StepTimes *t = m_schedule.step(step.id);
    if (!t)
        return;
    m_out << "        planned " << clock(t->plannedStart) << "–" << clock(t->plannedEnd);
    if (state.status == StepStatus::Pending || state.status == StepStatus::Blocked)
        m_out << ", forecast " << clock(t->forecastStart) << "–" << clock(t->forecastEnd);
    else
        m_out << ", " << RunbookStateVocabulary::statusTitle(state.status).toLower() << ' '
              << clock(t->actualStart) << "–"
              << (t->actualEnd.isValid() ? clock(t->actualEnd) : QStringLiteral("now")) << " by "
              << state.changedBy;
    if (t->lateMinutes > 0)
        m_out << ", " << t->lateMinutes << " min late";
    if (step.isOutsideCutover())
        m_out << "  (outside the cutover window)";
    m_out << '\n';
}

void RunbookPrinter::signoffs(const RunbookExecution &execution)
{
    if (execution.signoffs.isEmpty())
        return;
    m_out << "\nSign-offs\n";
    for (const SignOff &s : execution.signoffs)
        m_out << "  " << clock(s.at) << "  " << s.step << ": " << s.name << " (" << s.role << ") "
              << RunbookStateVocabulary::decisionTitle(s.decision)
              << (s.comment.isEmpty() ? QString() : QStringLiteral(" — ") + s.comment) << '\n';
}

} // namespace cutover::cli

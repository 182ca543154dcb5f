#include "runbook/RunbookService.h"

#include "runbook/RunbookStateVocabulary.h"

#include <QSet>

namespace cutover {

namespace {

Error refused(const QString &what, const QStringList &reasons = {})
{
    QString message = what;
    for (const QString &reason : reasons)
        message += QStringLiteral("\n  - ") + reason;
    return Error(Error::Code::Validation, message);
}

QString statusWord(StepStatus status)
{
    return RunbookStateVocabulary::statusTitle(status).toLower();
}

} // namespace

RunbookService::RunbookService(Project project, const QString &projectPath,
                               const PasswordProvider *passwords)
    : m_project(std::move(project))
    , m_journal(AuditTrail::forProject(projectPath))
    , m_passwords(passwords)
{}

Result<RunbookState> RunbookService::state() const
{
    return m_journal.read();
}

Result<RunbookExecution> RunbookService::current() const
{
    const auto s = state();
    if (!s)
        return s.error();
    if (const RunbookExecution *e = s->current())
        return *e;
    return refused(QStringLiteral("No runbook is under way: start a rehearsal or the live "
                                  "cutover first (cutover-cli runbook PROJECT start --rehearsal "
                                  "or --live)"));
}

Result<RunbookService::UnderWay> RunbookService::underWay(const QString &id) const
{
    const auto s = step(id);
    if (!s)
        return s.error();
    auto e = current();
    if (!e)
        return e.error();
    return UnderWay{*s, std::move(*e)};
}

Result<const RunbookStep *> RunbookService::step(const QString &id) const
{
    if (const RunbookStep *s = plan().step(id))
        return s;
    QStringList ids;
    for (const RunbookStep &s : plan().steps)
        ids.append(s.id);
    return Error(Error::Code::Usage, QStringLiteral("The runbook has no step '%1' (steps: %2)")
                                         .arg(id, ids.isEmpty() ? QStringLiteral("none")
                                                                : ids.join(QStringLiteral(", "))));
}

Result<RunbookExecution> RunbookService::start(RunbookExecution::Mode mode)
{
    if (plan().steps.isEmpty())
        return refused(QStringLiteral("The runbook has no steps: generate one from a strategy "
                                      "first (cutover-cli runbook PROJECT generate)"));
    const auto s = state();
    if (!s)
        return s.error();
    if (const RunbookExecution *open = s->current())
        return refused(QStringLiteral("%1 %2 is under way: end it first")
                           .arg(open->mode == RunbookExecution::Mode::Live
                                    ? QStringLiteral("The live cutover")
                                    : QStringLiteral("Rehearsal"),
                                open->id));
    return m_journal.start(mode);
}

Result<void> RunbookService::end()
{
    const auto e = current();
    if (!e)
        return e.error();
    return m_journal.end(e->id);
}

Result<GateCheck::Verdict> RunbookService::check(const QString &id) const
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    return check(*t->step, t->execution);
}

Result<GateCheck::Verdict> RunbookService::check(const RunbookStep &s,
                                                 const RunbookExecution &e) const
{
    GateFacts facts;
    facts.maxErrorRate = m_project.settings.maxErrorRate;
    if (s.gate.enabled) {
        auto read = GateFacts::read(m_project, m_passwords);
        if (!read)
            return read.error();
        facts = *read;
    }
    return GateCheck::check(plan(), s, e, facts);
}

// Gates upstream of the step (through any number of steps) that are not done.
Result<void> RunbookService::refuseUnpassedGates(const RunbookStep &s,
                                                 const RunbookExecution &e) const
{
    QStringList reasons;
    QSet<QString> seen;
    QStringList todo = s.after;
    while (!todo.isEmpty()) {
        const QString id = todo.takeFirst();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const RunbookStep *before = plan().step(id);
        if (!before)
            continue;
        if (before->gate.enabled && e.step(id).status != StepStatus::Done)
            reasons.append(QStringLiteral("Gate %1 (%2) is not passed").arg(id, before->title));
        todo += before->after;
    }
    if (reasons.isEmpty())
        return {};
    return refused(QStringLiteral("Step %1 waits for a gate:").arg(s.id), reasons);
}

Result<void> RunbookService::checkOrder(const RunbookStep &s, const RunbookExecution &e,
                                        const Change &change) const
{
    if (auto gates = refuseUnpassedGates(s, e); !gates)
        return gates;
    const QStringList waiting = GateCheck::waitingFor(plan(), s, e);
    if (waiting.isEmpty() || change.force)
        return {};
    return refused(
        QStringLiteral("Step %1 waits for other steps (--force to go ahead anyway):").arg(s.id),
        waiting);
}

QString RunbookService::withForceNote(const Change &change) const
{
    if (!change.force)
        return change.note;
    const QString forced = QStringLiteral("(forced past steps not done)");
    return change.note.isEmpty() ? forced : change.note + QLatin1Char(' ') + forced;
}

Result<void> RunbookService::startStep(const QString &id, const Change &change)
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    const StepStatus status = t->execution.step(id).status;
    if (status == StepStatus::InProgress || status == StepStatus::Done ||
        status == StepStatus::Skipped)
        return refused(QStringLiteral("Step %1 is %2 already").arg(id, statusWord(status)));
    if (auto order = checkOrder(*t->step, t->execution, change); !order)
        return order;
    return m_journal.setStatus(t->execution.id, id, StepStatus::InProgress, withForceNote(change));
}

Result<void> RunbookService::done(const RunbookStep &s, const RunbookExecution &e,
                                  const Change &change)
{
    if (auto gates = refuseUnpassedGates(s, e); !gates)
        return gates;
    const auto verdict = check(s, e);
    if (!verdict)
        return verdict.error();
    QStringList blockers = verdict->blockers;
    if (change.force && !s.gate.enabled)
        blockers.clear(); // only the order; its gates were refused above
    if (!blockers.isEmpty())
        return refused(s.gate.enabled
                           ? QStringLiteral("Gate %1 (%2) is blocked:").arg(s.id, s.title)
                           : QStringLiteral("Step %1 waits for other steps (--force to go ahead "
                                            "anyway):")
                                 .arg(s.id),
                       blockers);
    if (auto set = m_journal.setStatus(e.id, s.id, StepStatus::Done, withForceNote(change)); !set)
        return set;
    if (s.gate.enabled)
        return m_journal.decide(e.id, GoNoGo{s.id, true, {}, change.note, {}});
    return {};
}

Result<void> RunbookService::failed(const RunbookStep &s, const RunbookExecution &e,
                                    const Change &change)
{
    if (auto set = m_journal.setStatus(e.id, s.id, StepStatus::Failed, change.note); !set)
        return set;
    if (s.gate.enabled)
        return m_journal.decide(e.id, GoNoGo{s.id, false, {}, change.note, {}});
    return {};
}

Result<void> RunbookService::finishStep(const QString &id, StepStatus status, const Change &change)
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    const StepStatus now = t->execution.step(id).status;
    if (status == StepStatus::Pending)
        return reset(*t->step, t->execution, change);
    if (now == StepStatus::Done || (now == StepStatus::Skipped && status != StepStatus::Done))
        return refused(QStringLiteral("Step %1 is %2 already").arg(id, statusWord(now)));
    switch (status) {
    case StepStatus::Done:
        return done(*t->step, t->execution, change);
    case StepStatus::Failed:
        return failed(*t->step, t->execution, change);
    case StepStatus::Skipped:
        if (t->step->gate.enabled)
            return refused(QStringLiteral("Gate %1 cannot be skipped: pass it (done) or refuse it "
                                          "(fail, a no-go)")
                               .arg(id));
        return m_journal.setStatus(t->execution.id, id, status, change.note);
    case StepStatus::Blocked:
        return m_journal.setStatus(t->execution.id, id, status, change.note);
    case StepStatus::Pending:
        break;
    case StepStatus::InProgress:
        return startStep(id, change);
    }
    return {};
}

Result<void> RunbookService::reset(const RunbookStep &s, const RunbookExecution &e,
                                   const Change &change)
{
    if (s.gate.enabled && e.decision && e.decision->step == s.id)
        return refused(QStringLiteral("Gate %1 has its decision (%2 by %3): it stands")
                           .arg(s.id,
                                e.decision->go ? QStringLiteral("go") : QStringLiteral("no-go"),
                                e.decision->by));
    return m_journal.setStatus(e.id, s.id, StepStatus::Pending, change.note);
}

Result<void> RunbookService::note(const QString &id, const QString &text)
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    return m_journal.addNote(t->execution.id, id, text);
}

Result<void> RunbookService::signOff(const QString &id, SignOff signoff)
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    if (signoff.name.trimmed().isEmpty() || signoff.role.trimmed().isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("A sign-off needs a name and a role"));
    if (t->execution.step(id).status == StepStatus::Done)
        return refused(QStringLiteral("Step %1 is done already: its sign-offs are closed").arg(id));
    signoff.step = id;
    return m_journal.signOff(t->execution.id, signoff);
}

Result<void> RunbookService::addEvidence(const QString &id, const Evidence &evidence)
{
    const auto t = underWay(id);
    if (!t)
        return t.error();
    return m_journal.addEvidence(t->execution.id, id, evidence);
}

} // namespace cutover

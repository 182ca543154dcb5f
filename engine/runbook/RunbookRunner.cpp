#include "runbook/RunbookRunner.h"

#include "reconcile/ReconcileStatus.h"
#include "reconcile/Reconciler.h"
#include "report/ReportStore.h"
#include "run/RunEngine.h"
#include "run/ledger/RunHistory.h"
#include "run/target/TargetBackup.h"
#include "runbook/AuditEvents.h"
#include "runbook/GateFacts.h"

#include <QDir>
#include <QFileInfo>

namespace cutover {

namespace {

using Action = RunbookStep::Action;

QString describe(const RunbookStep &step)
{
    return QStringLiteral("%1 (%2)").arg(step.id, step.title);
}

} // namespace

RunbookRunner::RunbookRunner(RunbookService &service, const QString &projectPath,
                             const PasswordProvider *passwords)
    : m_service(service)
    , m_projectPath(projectPath)
    , m_passwords(passwords)
{}

void RunbookRunner::notice(const QString &text) const
{
    if (m_notice)
        m_notice(text);
}

RunOptions RunbookRunner::runOptions(const RunbookStep &step)
{
    RunOptions o;
    o.mode = step.action == Action::DryRun            ? RunMode::DryRun
             : step.action == Action::IncrementalSync ? RunMode::Incremental
                                                      : RunMode::Run;
    o.phase = step.phase;
    return o;
}

Result<void> RunbookRunner::begin(const RunbookStep &step)
{
    const auto e = m_service.current();
    if (!e)
        return e.error();
    const StepStatus status = e->step(step.id).status;
    if (status == StepStatus::InProgress)
        return {};
    return m_service.startStep(step.id);
}

Result<RunbookRunner::Outcome> RunbookRunner::run(const QString &stepId, RunControl &control)
{
    const auto found = m_service.step(stepId);
    if (!found)
        return found.error();
    const RunbookStep &step = **found;
    if (!step.isAutomated())
        return Error(Error::Code::Usage,
                     QStringLiteral("Step %1 is a manual step: mark it with 'step %1 start' and "
                                    "'step %1 done'")
                         .arg(step.id));
    if (auto begun = begin(step); !begun)
        return begun.error();
    notice(QStringLiteral("running step %1").arg(describe(step)));
    switch (step.action) {
    case Action::Run:
    case Action::DryRun:
    case Action::IncrementalSync:
        return runEngine(step, control);
    case Action::Reconcile:
        return reconcile(step);
    case Action::Rollback:
        return rollback(step);
    case Action::Backup:
        return backup(step, control);
    case Action::Manual:
        break;
    }
    return Error(Error::Code::Internal, QStringLiteral("no action for step %1").arg(step.id));
}

Result<RunbookRunner::Outcome> RunbookRunner::runEngine(const RunbookStep &step,
                                                        RunControl &control)
{
    RunEngine engine(m_service.project(), runOptions(step), m_passwords);
    engine.setNotice([this](const QString &text) { notice(text); });
    const auto run = engine.run(control);
    if (!run)
        return failWith(step, run.error());
    if (auto logged = AuditEvents::runEnded(AuditTrail::forProject(m_projectPath), *run); !logged)
        return logged.error();
    return recordRun(step, *run);
}

Result<RunbookRunner::Outcome> RunbookRunner::recordRun(const RunbookStep &step,
                                                        const RunRecord &run)
{
    Evidence evidence;
    evidence.kind = Evidence::Kind::Run;
    evidence.ref = run.runId;
    evidence.summary = AuditEvents::runSummary(run);
    return finish(step, evidence, run.status == RunStatus::Succeeded);
}

Result<RunbookRunner::Outcome> RunbookRunner::reconcile(const RunbookStep &step)
{
    Reconciler reconciler(m_service.project(), m_passwords);
    ReconcileOptions options;
    auto report = reconciler.run(options);
    if (!report)
        return failWith(step, report.error());
    RunHistory history(m_service.project(), m_passwords);
    if (auto opened = history.open(); !opened)
        return opened.error();
    ReportStore store(history.session());
    if (auto saved = store.save(*report); !saved)
        return saved.error();
    if (auto logged = AuditEvents::reconciled(AuditTrail::forProject(m_projectPath), *report);
        !logged)
        return logged.error();
    return recordReport(step, *report);
}

Result<RunbookRunner::Outcome> RunbookRunner::recordReport(const RunbookStep &step,
                                                           const ReconcileReport &report)
{
    Evidence evidence;
    evidence.kind = Evidence::Kind::Report;
    evidence.ref = report.reportId;
    evidence.summary = AuditEvents::reportSummary(report);
    const QString note = report.status == ReconcileStatus::NeedsReview
                             ? QStringLiteral("the report needs review: %1 of %2 tables")
                                   .arg(std::count_if(report.tables.cbegin(), report.tables.cend(),
                                                      [](const TableReconciliation &t) {
                                                          return t.status != ReconcileStatus::Pass;
                                                      }))
                                   .arg(report.tables.size())
                             : QString();
    return finish(step, evidence, report.status != ReconcileStatus::Fail, note);
}

Result<RunbookRunner::Outcome> RunbookRunner::rollback(const RunbookStep &step)
{
    const auto facts = GateFacts::read(m_service.project(), m_passwords);
    if (!facts)
        return failWith(step, facts.error());
    if (!facts->newestRun)
        return failWith(
            step, Error(Error::Code::Validation, QStringLiteral("there is no run to roll back")));
    RunRollback rollback(m_service.project(), m_passwords);
    rollback.setNotice([this](const QString &text) { notice(text); });
    const auto report = rollback.rollback(facts->newestRun->runId);
    if (!report)
        return failWith(step, report.error());
    if (auto logged = AuditEvents::rolledBack(AuditTrail::forProject(m_projectPath), *report);
        !logged)
        return logged.error();
    return recordRollback(step, *report);
}

Result<RunbookRunner::Outcome> RunbookRunner::recordRollback(const RunbookStep &step,
                                                             const RunRollback::Report &report)
{
    Evidence evidence;
    evidence.kind = Evidence::Kind::Run;
    evidence.ref = report.runId;
    evidence.summary = QStringLiteral("run %1 rolled back: %2")
                           .arg(report.runId.left(8), report.lines().join(QStringLiteral("; ")));
    return finish(step, evidence, true);
}

Result<RunbookRunner::Outcome> RunbookRunner::backup(const RunbookStep &step,
                                                     const RunControl &control)
{
    const Project &project = m_service.project();
    const auto spec = project.targetSpec();
    if (!spec)
        return failWith(step, spec.error());
    TargetBackup backup(project.targetConnection, *spec, m_passwords);
    backup.setNotice([this](const QString &text) { notice(text); });
    backup.setCancelCheck([&control] { return control.isStopped(); });
    const auto done =
        backup.run(QFileInfo(m_projectPath).absoluteDir().filePath(QStringLiteral("backups")));
    if (!done)
        return failWith(step, done.error());
    Evidence evidence;
    evidence.kind = Evidence::Kind::File;
    evidence.ref = done->file;
    evidence.summary = done->summary;
    if (auto logged = AuditTrail::forProject(m_projectPath)
                          .append(QStringLiteral("backup"), done->summary,
                                  {{QStringLiteral("file"), done->file},
                                   {QStringLiteral("bytes"), done->bytes},
                                   {QStringLiteral("verification"), done->verification}});
        !logged)
        return logged.error();
    return finish(step, evidence, true);
}

Result<RunbookRunner::Outcome> RunbookRunner::finish(const RunbookStep &step, Evidence evidence,
                                                     bool succeeded, const QString &note)
{
    if (auto added = m_service.addEvidence(step.id, evidence); !added)
        return added.error();
    Outcome outcome;
    outcome.evidence = evidence;
    const StepStatus status = succeeded ? StepStatus::Done : StepStatus::Failed;
    const auto finished = m_service.finishStep(step.id, status, {note, false});
    if (!finished) {
        if (finished.error().code() != Error::Code::Validation)
            return finished.error();
        outcome.status = StepStatus::InProgress;
        outcome.blockers = finished.error().message().split(QStringLiteral("\n  - ")).mid(1);
        return outcome;
    }
    outcome.status = status;
    notice(QStringLiteral("step %1 %2: %3")
               .arg(step.id, succeeded ? QStringLiteral("done") : QStringLiteral("failed"),
                    evidence.summary));
    return outcome;
}

Result<RunbookRunner::Outcome> RunbookRunner::failWith(const RunbookStep &step, const Error &error)
{
    if (auto failed = m_service.finishStep(step.id, StepStatus::Failed, {error.message(), false});
        !failed)
        return failed.error();
    Outcome outcome;
    outcome.status = StepStatus::Failed;
    notice(QStringLiteral("step %1 failed: %2").arg(step.id, error.message()));
    return outcome;
}

} // namespace cutover

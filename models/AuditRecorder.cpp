#include "AuditRecorder.h"

#include "runbook/AuditEvents.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {

template <typename Append>
void later(const QString &projectPath, Append append)
{
    if (projectPath.isEmpty())
        return;
    (void)QtConcurrent::run([projectPath, append] {
        const auto logged = append(AuditTrail::forProject(projectPath));
        if (!logged)
            qWarning("not recorded in the audit trail: %s", qPrintable(logged.error().toString()));
    });
}

} // namespace

void AuditRecorder::run(const QString &projectPath, const RunRecord &run)
{
    later(projectPath, [run](AuditTrail trail) { return AuditEvents::runEnded(trail, run); });
}

void AuditRecorder::rollback(const QString &projectPath, const RunRollback::Report &report)
{
    later(projectPath,
          [report](AuditTrail trail) { return AuditEvents::rolledBack(trail, report); });
}

void AuditRecorder::reconcile(const QString &projectPath, const ReconcileReport &report)
{
    later(projectPath,
          [report](AuditTrail trail) { return AuditEvents::reconciled(trail, report); });
}

void AuditRecorder::save(const QString &projectPath, const Project &before, const Project &after)
{
    later(projectPath, [projectPath, before, after](AuditTrail trail) {
        return AuditEvents::projectSaved(trail, projectPath, before, after);
    });
}

} // namespace cutover

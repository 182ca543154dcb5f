#include "CliAudit.h"

#include "runbook/AuditEvents.h"

namespace cutover::cli {

void CliAudit::warn(CliContext &context, const Error &error)
{
    context.err << "cutover-cli: not recorded in the audit trail: " << error.toString() << Qt::endl;
}

void CliAudit::run(CliContext &context, const QString &projectPath, const RunRecord &run)
{
    if (auto logged = AuditEvents::runEnded(AuditTrail::forProject(projectPath), run); !logged)
        warn(context, logged.error());
}

void CliAudit::rollback(CliContext &context, const QString &projectPath,
                        const RunRollback::Report &report)
{
    if (auto logged = AuditEvents::rolledBack(AuditTrail::forProject(projectPath), report); !logged)
        warn(context, logged.error());
}

void CliAudit::reconcile(CliContext &context, const QString &projectPath,
                         const ReconcileReport &report)
{
    if (auto logged = AuditEvents::reconciled(AuditTrail::forProject(projectPath), report); !logged)
        warn(context, logged.error());
}

void CliAudit::save(CliContext &context, const QString &projectPath, const Project &before,
                    const Project &after)
{
    if (auto logged = AuditEvents::projectSaved(AuditTrail::forProject(projectPath), projectPath,
                                                before, after);
        !logged)
        warn(context, logged.error());
}

} // namespace cutover::cli

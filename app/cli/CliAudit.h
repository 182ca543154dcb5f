#pragma once

#include "CliCommand.h"
#include "project/Project.h"
#include "reconcile/ReconcileReport.h"
#include "run/RunRollback.h"
#include "run/ledger/RunRecord.h"

namespace cutover::cli {

// Appends what a command did to the project's audit trail (runbook/AuditEvents). A trail that
// cannot be written is reported on stderr but does not fail the command: the run, rollback or
// report already happened and is recorded in the target.
class CliAudit
{
public:
    static void run(CliContext &context, const QString &projectPath, const RunRecord &run);
    static void rollback(CliContext &context, const QString &projectPath,
                         const RunRollback::Report &report);
    static void reconcile(CliContext &context, const QString &projectPath,
                          const ReconcileReport &report);
    static void save(CliContext &context, const QString &projectPath, const Project &before,
                     const Project &after);

private:
    static void warn(CliContext &context, const Error &error);
};

} // namespace cutover::cli

#pragma once

#include "project/Project.h"
#include "reconcile/ReconcileReport.h"
#include "run/RunRollback.h"
#include "run/ledger/RunRecord.h"

#include <QString>

namespace cutover {

// Appends what the window did to the project's audit trail (runbook/AuditEvents), on a pool
// thread: the append waits for the trail's lock and syncs the file, which has no place on the
// GUI thread. A project not saved yet has no trail; a trail that cannot be written is logged,
// never shown as a failure of the run or report it records.
class AuditRecorder
{
public:
    static void run(const QString &projectPath, const RunRecord &run);
    static void rollback(const QString &projectPath, const RunRollback::Report &report);
    static void reconcile(const QString &projectPath, const ReconcileReport &report);
    // A save of the project file: what changed from before to after (nothing when nothing did).
    static void save(const QString &projectPath, const Project &before, const Project &after);
};

} // namespace cutover

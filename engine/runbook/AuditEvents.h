#pragma once

#include "audit/AuditTrail.h"
#include "core/Result.h"
#include "project/Project.h"
#include "reconcile/ReconcileReport.h"
#include "run/RunRollback.h"
#include "run/ledger/RunRecord.h"

namespace cutover {

// The audit trail's entries for what the engine did, written the same way by cutover-cli and
// the window: a run ended, a run was rolled back, a target was reconciled, a project was saved.
class AuditEvents
{
public:
    static Result<AuditEntry> runEnded(AuditTrail trail, const RunRecord &run);
    static Result<AuditEntry> rolledBack(AuditTrail trail, const RunRollback::Report &report);
    static Result<AuditEntry> reconciled(AuditTrail trail, const ReconcileReport &report);
    // Nothing is written when nothing the trail records changed (a moved canvas box).
    static Result<std::optional<AuditEntry>> projectSaved(AuditTrail trail,
                                                          const QString &projectPath,
                                                          const Project &before,
                                                          const Project &after);

    // "run 1a2b3c4d succeeded: 1,204 rows loaded, 12 quarantined (wave-1)"
    static QString runSummary(const RunRecord &run);
    static QString reportSummary(const ReconcileReport &report);
};

} // namespace cutover

#pragma once

#include "project/ReconcileSettings.h"
#include "reconcile/TableReconciliation.h"

namespace cutover {

// A table's status from its findings and the project's thresholds: Fail when rows are missing,
// extra, modified, duplicated or orphaned beyond what is acceptable, or the run's row ledger does
// not balance; Needs review when more rows than acceptable were quarantined or break a rule;
// Pass otherwise. Every reason is written down for the report.
class ReconcileJudge
{
public:
    // maxErrorRate: the project's settings.maxErrorRate, used when the thresholds leave
    // maxQuarantinedRate at -1.
    static void judge(TableReconciliation &table, const ReconcileThresholds &thresholds,
                      double maxErrorRate);

private:
    static void failIfOver(TableReconciliation &table, qint64 found, qint64 acceptable,
                           const QString &what);
};

} // namespace cutover

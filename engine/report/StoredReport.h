#pragma once

#include "reconcile/ReconcileStatus.h"

#include <QDateTime>
#include <QString>

namespace cutover {

// One stored reconciliation report as `cutover-cli reports` lists it (cutover_reports), without
// its content.
struct StoredReport
{
    QString reportId;
    QString runId; // empty for a target loaded by another tool
    QString project;
    QDateTime createdAt;
    ReconcileStatus status = ReconcileStatus::Pass;
};

} // namespace cutover

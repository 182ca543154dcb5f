#pragma once

#include "project/ReconcileSettings.h"
#include "reconcile/TableReconciliation.h"

#include <QDateTime>

namespace cutover {

// A reconciliation report: what arrived versus what should have arrived, table by table, with
// the settings it was made with. Stored with its run (ReportStore) and exported as JSON
// (ReconcileReportJson), HTML, Markdown and PDF.
struct ReconcileReport
{
    QString reportId; // a UUID
    QString project;
    QString runId; // the run it reconciles; empty for a target loaded by another tool
    QDateTime createdAt;
    QString source; // connection display names (never a password)
    QString target;
    bool masked = true; // sensitive columns masked in samples
    // The phases whose rows were expected, when only some of the project's phases are loaded;
    // empty: the whole project. pendingPhases: the phases not loaded yet.
    QStringList phases;
    QStringList pendingPhases;
    ReconcileSettings settings;
    QList<TableReconciliation> tables;
    ReconcileStatus status = ReconcileStatus::Pass;
    qint64 durationMs = 0;

    // Sums over the tables, for the report's totals.
    qint64 total(qint64 TableReconciliation::*field) const;
    // The worst table status (Pass for a report without tables).
    ReconcileStatus worstStatus() const;
    const TableReconciliation *table(const QString &name) const;
};

} // namespace cutover

#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QString>

namespace cutover {

// The summary page of one table in the report viewer, as rich text: the verdict and why, the
// counts (with their change since the earlier report), the run's row ledger, the data quality
// against the project's thresholds, and the notes a reader must know. Every value is escaped.
class ReportTableSummary
{
public:
    static QString html(const ReconcileReport &report, const ReportComparison &comparison,
                        const TableReconciliation &table);

private:
    static QString verdict(const TableReconciliation &table);
    static QString counts(const ReportComparison &comparison, const TableReconciliation &table);
    static QString ledger(const TableReconciliation &table);
    static QString quality(const ReconcileReport &report, const TableReconciliation &table);
    static QString notes(const TableReconciliation &table);
};

} // namespace cutover

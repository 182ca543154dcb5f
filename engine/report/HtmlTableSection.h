#pragma once

#include "report/ReportComparison.h"
#include "report/ReportFacts.h"

namespace cutover {

// One table's detail in the HTML report, on a page of its own when printed: counts and the row
// ledger, data quality, comparison rules per column, profiles side by side, the missing, extra
// and modified rows, duplicates, orphans, rule violations, the seeded sample, notes and reasons.
class HtmlTableSection
{
public:
    HtmlTableSection(const ReconcileReport &report, const ReportComparison &comparison,
                     bool richText);

    QString write(const TableReconciliation &table) const;

    // The anchor the overview links to.
    static QString anchor(const QString &table);

private:
    QString header(const TableReconciliation &t) const;
    QString counts(const TableReconciliation &t) const;
    QString ledgerAndQuality(const TableReconciliation &t) const;
    QString rules(const TableReconciliation &t) const;
    QString profiles(const TableReconciliation &t) const;
    QString missingAndExtra(const TableReconciliation &t) const;
    QString modified(const TableReconciliation &t) const;
    QString findings(const TableReconciliation &t) const;
    QString sample(const TableReconciliation &t) const;
    QString notes(const TableReconciliation &t) const;
    QString sampleDifferences(const TableReconciliation &t, const SampleRow &row) const;

    const ReconcileReport &m_report;
    const ReportComparison &m_comparison;
    ReportFacts m_facts;
    bool m_richText;
};

} // namespace cutover

#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QString>

namespace cutover {

// The reconciliation report as one self-contained HTML file: inline CSS, inline SVG charts, no
// scripts and no external resources, so it can be mailed, archived and printed (A4, one table
// per page). It follows the reconciliation report template (date, migration id, source and
// target totals and date ranges, missing/extra/modified records, data quality against what is
// acceptable, status) and then details each table. Every value is HTML-escaped.
//
// Flavour::RichText is the same content in the HTML subset QTextDocument renders (for the PDF):
// bars as tables of coloured cells instead of SVG, simpler CSS.
class HtmlReportWriter
{
public:
    enum class Flavour
    {
        Browser,
        RichText
    };

    explicit HtmlReportWriter(Flavour flavour = Flavour::Browser);

    QString write(const ReconcileReport &report,
                  const ReportComparison &comparison = ReportComparison()) const;

    static QString title(const ReconcileReport &report);

private:
    QString head(const ReconcileReport &report) const;
    QString masthead(const ReconcileReport &report) const;
    QString facts(const ReconcileReport &report) const;
    QString summary(const ReconcileReport &report, const ReportComparison &comparison) const;
    QString overview(const ReconcileReport &report, const ReportComparison &comparison) const;
    QString footer(const ReconcileReport &report) const;

    Flavour m_flavour;
};

} // namespace cutover

#pragma once

#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"
#include "report/ReportFacts.h"

#include <QString>
#include <QStringList>

namespace cutover {

// The reconciliation report in GitHub-flavoured Markdown, with the HTML report's content: the
// template's summary, the tables' overview and each table's detail as GFM tables. Values are
// escaped so that neither a '|' nor markup in the data can break a table or inject HTML.
class MarkdownReportWriter
{
public:
    QString write(const ReconcileReport &report,
                  const ReportComparison &comparison = ReportComparison()) const;

    // Text for a table cell or a line: Markdown and HTML special characters escaped, on one line.
    static QString escape(const QString &text);
    // A value as inline code (escaped for a table cell).
    static QString code(const QString &text);
    static QString table(const QStringList &headers, const QList<QStringList> &rows);

private:
    static QString summary(const ReportFacts &facts, const ReportComparison &comparison);
    static QString overview(const ReconcileReport &report, const ReportComparison &comparison);
    static QString tableDetail(const ReportFacts &facts, const ReportComparison &comparison,
                               const TableReconciliation &t);
    static QString countsAndLedger(const ReportFacts &facts, const ReportComparison &comparison,
                                   const TableReconciliation &t);
    static QString rulesAndProfiles(const ReportFacts &facts, const TableReconciliation &t);
    static QString rows(const ReportFacts &facts, const TableReconciliation &t);
    static QString findings(const ReportFacts &facts, const TableReconciliation &t);
    static QString sample(const ReportFacts &facts, const TableReconciliation &t);
};

} // namespace cutover

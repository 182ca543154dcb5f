#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QByteArray>
#include <QFont>
#include <QSizeF>

class QPdfWriter;
class QTextDocument;

namespace cutover {

// The reconciliation report as a PDF: the HTML report's print variant (HtmlReportWriter's
// RichText flavour, bars drawn as coloured table cells since QTextDocument renders no SVG) laid
// out by QTextDocument on A4 pages with a footer and page numbers, through QPdfWriter. Fonts need a
// QGuiApplication (the offscreen platform will do); without one it returns an error.
class PdfReportWriter
{
public:
    static Result<QByteArray> render(const ReconcileReport &report,
                                     const ReportComparison &comparison = ReportComparison());
    // Writes the PDF to file atomically (a partial file never replaces a good one).
    static Result<void> write(const QString &file, const ReconcileReport &report,
                              const ReportComparison &comparison = ReportComparison());

    // Sets pdf up (A4, resolution, title) and lays the report out in document for its pages,
    // as render() draws it.
    static void layOut(QTextDocument &document, QPdfWriter &pdf, const ReconcileReport &report,
                       const ReportComparison &comparison = ReportComparison());

private:
    static QString footer(const ReconcileReport &report);
};

} // namespace cutover

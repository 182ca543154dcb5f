#pragma once

#include "reconcile/ReconcileReport.h"

#include <QList>
#include <QString>

namespace cutover {

// The charts of the HTML report, drawn as text: inline SVG for browsers, and for the PDF
// (QTextDocument renders no SVG) the same bars as one-row tables of coloured cells.
// Each bar shows a table's rows as matched, modified, missing, extra and quarantined, scaled to
// the table (tables differ by orders of magnitude); a non-zero share is never drawn invisible.
class HtmlReportCharts
{
public:
    struct Segment
    {
        QString label;
        QString cssClass; // "matched", "modified", "missing", "extra", "quarantined"
        QString colour;
        qint64 rows = 0;
    };

    static QList<Segment> segments(const TableReconciliation &table);
    // Pixel widths of the segments within width: proportional, at least minimum when not zero.
    static QList<int> widths(const QList<Segment> &segments, int width, int minimum);

    // One bar per table with its name, status dot and figures.
    static QString overviewSvg(const ReconcileReport &report);
    static QString tableSvg(const TableReconciliation &table);
    static QString legendHtml(bool richText);
    static QString overviewRichText(const ReconcileReport &report);
    static QString tableRichText(const TableReconciliation &table);

    static QString statusColour(ReconcileStatus status);

private:
    static QString svgBar(const TableReconciliation &table, int x, int y, int width, int height);
    static QString richTextBar(const TableReconciliation &table);
};

} // namespace cutover

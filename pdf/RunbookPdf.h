#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

class QPdfWriter;
class QTextDocument;

namespace cutover {

// The runbook and the status update as PDF: their HTML in the flavour QTextDocument renders
// (RunbookHtmlWriter::Flavour::RichText, StatusUpdateHtmlWriter::write(update, true)) laid out on
// A4 pages with a footer line and page numbers, through QPdfWriter. It takes the HTML rather than
// the runbook, so pdf/ needs nothing of the runbook district. Fonts need a QGuiApplication (the
// offscreen platform will do); without one it returns an error.
class RunbookPdf
{
public:
    struct Page
    {
        QString title;  // the PDF's title
        QString footer; // on every page, left of "page N of M"
    };

    static Result<QByteArray> render(const QString &richTextHtml, const Page &page);

    // Sets pdf up (A4, resolution, title) and lays the HTML out in document, as render() draws it.
    static void layOut(QTextDocument &document, QPdfWriter &pdf, const QString &richTextHtml,
                       const Page &page);
};

} // namespace cutover

#pragma once

#include <QFont>
#include <QSizeF>
#include <QString>

class QPdfWriter;
class QTextDocument;

namespace cutover {

// What the PDFs share once their document is laid out: the body's size above the footer, and
// drawing the document page by page with a footer line and "page N of M".
class PdfPages
{
public:
    static QSizeF bodySize(QPdfWriter &pdf);
    static qreal footerHeight(QPdfWriter &pdf);
    static QFont footerFont();
    static void paint(QPdfWriter &pdf, QTextDocument &document, const QString &footer);
};

} // namespace cutover

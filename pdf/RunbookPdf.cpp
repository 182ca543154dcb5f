#include "RunbookPdf.h"

#include "PdfPages.h"
#include "TableWordWrap.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace cutover {

namespace {

constexpr int kResolution = 300;
constexpr qreal kFontPointSize = 8.5;

} // namespace

Result<QByteArray> RunbookPdf::render(const QString &richTextHtml, const Page &page)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error(Error::Code::Internal,
                     QStringLiteral("a PDF can only be made in an application with Qt Gui"),
                     page.title, QStringLiteral("create a QGuiApplication first"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        QTextDocument document;
        layOut(document, pdf, richTextHtml, page);
        PdfPages::paint(pdf, document, page.footer);
    }
    if (bytes.isEmpty())
        return Error(Error::Code::Internal, QStringLiteral("the PDF came out empty"), page.title);
    return bytes;
}

void RunbookPdf::layOut(QTextDocument &document, QPdfWriter &pdf, const QString &richTextHtml,
                        const Page &page)
{
    pdf.setResolution(kResolution);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                  QMarginsF(14, 14, 14, 12), QPageLayout::Millimeter));
    pdf.setTitle(page.title);
    pdf.setCreator(QStringLiteral("Cutover %1").arg(QStringLiteral(CUTOVER_VERSION)));
    document.documentLayout()->setPaintDevice(&pdf);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(kFontPointSize);
    document.setDefaultFont(font);
    QString html = richTextHtml;
    // QTextDocument lets the first block after a table straddle a page break; a tiny spacer
    // there takes that place, so headings move to the next page whole.
    html.replace(QStringLiteral("</table><h2>"),
                 QStringLiteral("</table><p style=\"margin:0; font-size:1pt\">&nbsp;</p><h2>"));
    document.setHtml(html);
    document.setPageSize(PdfPages::bodySize(pdf));
    TableWordWrap::apply(document);
}

} // namespace cutover

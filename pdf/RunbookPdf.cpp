#include "RunbookPdf.h"

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
constexpr qreal kFooterPointSize = 7;

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
        paint(pdf, document, page.footer);
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
    document.setPageSize(bodySize(pdf));
    TableWordWrap::apply(document);
}

QSizeF RunbookPdf::bodySize(QPdfWriter &pdf)
{
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    return {page.width(), page.height() - footerHeight(pdf)};
}

qreal RunbookPdf::footerHeight(QPdfWriter &pdf)
{
    return QFontMetricsF(footerFont(), &pdf).height() * 2.5;
}

QFont RunbookPdf::footerFont()
{
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(kFooterPointSize);
    return small;
}

// Draws the laid-out document page by page with the footer and "page N of M".
void RunbookPdf::paint(QPdfWriter &pdf, QTextDocument &document, const QString &footer)
{
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const QFont small = footerFont();
    const qreal footerHeight = RunbookPdf::footerHeight(pdf);
    const QSizeF body = document.pageSize();
    const int pages = document.pageCount();
    QPainter painter(&pdf);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            pdf.newPage();
        painter.save();
        painter.setClipRect(QRectF(QPointF(0, 0), body));
        painter.translate(0, -i * body.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(QPointF(0, i * body.height()), body);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        const QRectF line(0, page.height() - footerHeight / 2, page.width(), footerHeight / 2);
        painter.setFont(small);
        painter.setPen(QColor(0x61, 0x6e, 0x7c));
        painter.drawLine(QPointF(0, line.top() - footerHeight / 8),
                         QPointF(page.width(), line.top() - footerHeight / 8));
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, footer);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("page %1 of %2").arg(i + 1).arg(pages));
    }
}

} // namespace cutover

#include "PdfPages.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace cutover {

namespace {

constexpr qreal kFooterPointSize = 7;

} // namespace

QSizeF PdfPages::bodySize(QPdfWriter &pdf)
{
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    return {page.width(), page.height() - footerHeight(pdf)};
}

qreal PdfPages::footerHeight(QPdfWriter &pdf)
{
    return QFontMetricsF(footerFont(), &pdf).height() * 2.5;
}

QFont PdfPages::footerFont()
{
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(kFooterPointSize);
    return small;
}

// Draws the laid-out document page by page with the footer and "page N of M".
void PdfPages::paint(QPdfWriter &pdf, QTextDocument &document, const QString &footer)
{
    const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
    const QFont small = footerFont();
    const qreal footerHeight = PdfPages::footerHeight(pdf);
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

#include "PdfReportWriter.h"

#include "PdfPages.h"
#include "TableWordWrap.h"
#include "report/HtmlReportWriter.h"
#include "report/ReportFacts.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace cutover {

namespace {

constexpr int kResolution = 300;
constexpr qreal kFontPointSize = 8.5;

} // namespace

Result<QByteArray> PdfReportWriter::render(const ReconcileReport &report,
                                           const ReportComparison &comparison)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error(Error::Code::Internal,
                     QStringLiteral("a PDF can only be made in an application with Qt Gui"),
                     report.project, QStringLiteral("create a QGuiApplication first"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        QTextDocument document;
        layOut(document, pdf, report, comparison);
        PdfPages::paint(pdf, document, footer(report));
    }
    if (bytes.isEmpty())
        return Error(Error::Code::Internal, QStringLiteral("the PDF came out empty"),
                     report.project);
    return bytes;
}

void PdfReportWriter::layOut(QTextDocument &document, QPdfWriter &pdf,
                             const ReconcileReport &report, const ReportComparison &comparison)
{
    pdf.setResolution(kResolution);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                  QMarginsF(14, 14, 14, 12), QPageLayout::Millimeter));
    pdf.setTitle(HtmlReportWriter::title(report));
    pdf.setCreator(QStringLiteral("Cutover %1").arg(QStringLiteral(CUTOVER_VERSION)));
    document.documentLayout()->setPaintDevice(&pdf);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(kFontPointSize);
    document.setDefaultFont(font);
    QString html = HtmlReportWriter(HtmlReportWriter::Flavour::RichText).write(report, comparison);
    // QTextDocument lets the first block after a table straddle a page break; a tiny spacer
    // there takes that place, so headings move to the next page whole.
    html.replace(QStringLiteral("</table><h3>"),
                 QStringLiteral("</table><p style=\"margin:0; font-size:1pt\">&nbsp;</p><h3>"));
    document.setHtml(html);
    document.setPageSize(PdfPages::bodySize(pdf));
    TableWordWrap::apply(document);
}

QString PdfReportWriter::footer(const ReconcileReport &report)
{
    return QStringLiteral("Reconciliation report \u00b7 %1 \u00b7 %2 \u00b7 %3")
        .arg(report.project, ReportFacts::when(report.createdAt),
             reconcileStatusTitle(report.status));
}

Result<void> PdfReportWriter::write(const QString &file, const ReconcileReport &report,
                                    const ReportComparison &comparison)
{
    auto bytes = render(report, comparison);
    if (!bytes)
        return bytes.error();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size() || !out.commit())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write the PDF report: %1").arg(out.errorString()),
                     QFileInfo(file).absoluteFilePath());
    return {};
}

} // namespace cutover

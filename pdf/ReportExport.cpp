#include "ReportExport.h"

#include "PdfReportWriter.h"
#include "report/HtmlReportWriter.h"
#include "report/MarkdownReportWriter.h"
#include "report/ReconcileReportJson.h"

#include <QFileInfo>
#include <QSaveFile>

namespace cutover {

QList<ReportExport::Format> ReportExport::formats()
{
    return {Format::Html, Format::Pdf, Format::Json, Format::Markdown};
}

std::optional<ReportExport::Format> ReportExport::parse(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("json"))
        return Format::Json;
    if (n == QLatin1String("html") || n == QLatin1String("htm"))
        return Format::Html;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

std::optional<ReportExport::Format> ReportExport::fromFileName(const QString &file)
{
    return parse(QFileInfo(file).suffix());
}

QString ReportExport::suffix(Format format)
{
    switch (format) {
    case Format::Json:
        return QStringLiteral("json");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Markdown:
        return QStringLiteral("md");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString ReportExport::title(Format format)
{
    switch (format) {
    case Format::Json:
        return QStringLiteral("JSON");
    case Format::Html:
        return QStringLiteral("HTML");
    case Format::Markdown:
        return QStringLiteral("Markdown");
    case Format::Pdf:
        return QStringLiteral("PDF");
    }
    return {};
}

Result<QByteArray> ReportExport::render(Format format, const ReconcileReport &report,
                                        const ReportComparison &comparison)
{
    switch (format) {
    case Format::Json:
        return ReconcileReportJson::toBytes(report);
    case Format::Html:
        return HtmlReportWriter().write(report, comparison).toUtf8();
    case Format::Markdown:
        return MarkdownReportWriter().write(report, comparison).toUtf8();
    case Format::Pdf:
        return PdfReportWriter::render(report, comparison);
    }
    return QByteArray();
}

Result<void> ReportExport::write(const QString &file, Format format, const ReconcileReport &report,
                                 const ReportComparison &comparison)
{
    auto bytes = render(format, report, comparison);
    if (!bytes)
        return bytes.error();
    return writeBytes(file, *bytes);
}

Result<void> ReportExport::writeBytes(const QString &file, const QByteArray &bytes)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write the report: %1").arg(out.errorString()),
                     QFileInfo(file).absoluteFilePath());
    return {};
}

} // namespace cutover

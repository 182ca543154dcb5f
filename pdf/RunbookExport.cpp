#include "RunbookExport.h"

#include "RunbookPdf.h"
#include "runbook/RunbookHtmlWriter.h"
#include "runbook/RunbookMarkdownWriter.h"
#include "runbook/RunbookText.h"
#include "runbook/StatusUpdate.h"
#include "runbook/StatusUpdateHtmlWriter.h"
#include "runbook/StatusUpdateWriter.h"

#include <QFileInfo>
#include <QSaveFile>

namespace cutover {

std::optional<RunbookExport::Format> RunbookExport::parse(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("text") || n == QLatin1String("txt"))
        return Format::Text;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    if (n == QLatin1String("html") || n == QLatin1String("htm"))
        return Format::Html;
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

QString RunbookExport::suffix(Format format)
{
    switch (format) {
    case Format::Text:
        return QStringLiteral("txt");
    case Format::Markdown:
        return QStringLiteral("md");
    case Format::Html:
        return QStringLiteral("html");
    case Format::Pdf:
        break;
    }
    return QStringLiteral("pdf");
}

Result<QByteArray> RunbookExport::runbook(const RunbookDocument &d, Format format)
{
    switch (format) {
    case Format::Text:
    case Format::Markdown:
        return RunbookMarkdownWriter().write(d).toUtf8();
    case Format::Html:
        return RunbookHtmlWriter().write(d).toUtf8();
    case Format::Pdf:
        break;
    }
    const QString html = RunbookHtmlWriter(RunbookHtmlWriter::Flavour::RichText).write(d);
    const QString footer =
        QStringLiteral("Runbook \u00b7 %1 \u00b7 as of %2 \u00b7 %3")
            .arg(d.project, RunbookText::dateTime(d.now, d.now), RunbookText::ragLabel(d.rag));
    return RunbookPdf::render(html, {RunbookHtmlWriter::title(d), footer});
}

Result<QByteArray> RunbookExport::statusUpdate(const RunbookDocument &d, Format format)
{
    const StatusUpdate update = StatusUpdate::of(d);
    switch (format) {
    case Format::Text:
        return StatusUpdateWriter::text(update).toUtf8();
    case Format::Markdown:
        return StatusUpdateWriter::markdown(update).toUtf8();
    case Format::Html:
        return StatusUpdateHtmlWriter::write(update).toUtf8();
    case Format::Pdf:
        break;
    }
    return RunbookPdf::render(StatusUpdateHtmlWriter::write(update, true),
                              {update.subject(), update.subject()});
}

Result<void> RunbookExport::write(const QString &file, const Result<QByteArray> &bytes,
                                  const QString &what)
{
    if (!bytes)
        return bytes.error();
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size() || !out.commit())
        return Error(Error::Code::Io,
                     QStringLiteral("cannot write the %1: %2").arg(what, out.errorString()),
                     QFileInfo(file).absoluteFilePath());
    return {};
}

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cutover {

// A reconciliation report exported in one of the engine's formats, for `cutover-cli reconcile`,
// `cutover-cli reports --show` and the window's report viewer alike: JSON (ReconcileReportJson),
// self-contained HTML (HtmlReportWriter), GitHub Markdown (MarkdownReportWriter) or PDF
// (PdfReportWriter, which needs a QGuiApplication).
class ReportExport
{
public:
    enum class Format
    {
        Json,
        Html,
        Markdown,
        Pdf
    };

    static QList<Format> formats();
    // "json", "html" (or "htm"), "md" (or "markdown"), "pdf", any case; nothing for another.
    static std::optional<Format> parse(const QString &name);
    // The format of a file name's extension.
    static std::optional<Format> fromFileName(const QString &file);
    // The extension a file of the format gets: "json", "html", "md", "pdf".
    static QString suffix(Format format);
    // For people: "JSON", "HTML", "Markdown", "PDF".
    static QString title(Format format);

    static Result<QByteArray> render(Format format, const ReconcileReport &report,
                                     const ReportComparison &comparison = ReportComparison());
    // Renders and writes file atomically (a partial file never replaces a good one).
    static Result<void> write(const QString &file, Format format, const ReconcileReport &report,
                              const ReportComparison &comparison = ReportComparison());
    static Result<void> writeBytes(const QString &file, const QByteArray &bytes);
};

} // namespace cutover

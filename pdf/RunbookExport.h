#pragma once

#include "core/Result.h"
#include "runbook/RunbookDocument.h"

#include <QByteArray>
#include <optional>

namespace cutover {

// The runbook and its status update in every format they are exported in, for cutover-cli and
// the window alike, so both write the same bytes: the runbook as Markdown, HTML or PDF; the
// status update as plain text (chat, e-mail), Markdown, HTML or PDF. A PDF needs a
// QGuiApplication (RunbookPdf).
class RunbookExport
{
public:
    enum class Format
    {
        Text,
        Markdown,
        Html,
        Pdf
    };

    // "text" (or "txt"), "md" (or "markdown"), "html" (or "htm"), "pdf", any case.
    static std::optional<Format> parse(const QString &name);
    // "md", "html", "pdf", "txt": a file name's suffix.
    static QString suffix(Format format);

    // Text is written as Markdown: the runbook has no plain-text layout of its own.
    static Result<QByteArray> runbook(const RunbookDocument &document, Format format);
    static Result<QByteArray> statusUpdate(const RunbookDocument &document, Format format);
    // Writes bytes to file atomically; what names them in the error ("runbook").
    static Result<void> write(const QString &file, const Result<QByteArray> &bytes,
                              const QString &what);
};

} // namespace cutover

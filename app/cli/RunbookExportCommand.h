#pragma once

#include "CliCommand.h"
#include "RunbookExport.h"
#include "core/Result.h"
#include "runbook/RunbookDocument.h"

#include <QByteArray>
#include <optional>

namespace cutover::cli {

// The runbook's exports: `runbook PROJECT --export md|html|pdf [-o FILE]` writes the runbook,
// `runbook PROJECT status-update [--format text|md|html|pdf] [-o FILE]` the status update (plain
// text on stdout by default). Without --export or --format, -o's extension names the format. A
// PDF needs -o and a QGuiApplication, which main() makes when wantsPdf() says so.
class RunbookExportCommand
{
public:
    using Format = RunbookExport::Format;

    static QString statusUpdateName() { return QStringLiteral("status-update"); }
    // Whether the runbook command's arguments (PROJECT ...) ask for an export of the runbook.
    static bool asksExport(const QStringList &arguments);
    static int exportRunbook(CliContext &context);
    // The arguments after "status-update" was taken out: PROJECT [options].
    static int statusUpdate(CliContext &context);
    // Whether these program arguments ("cutover-cli runbook P --export pdf -o F") ask for a PDF.
    static bool wantsPdf(const QStringList &arguments);

private:
    static std::optional<Format> chosen(const QString &format, const QString &file);
    static int usage(CliContext &context, const QString &command, const QString &message);
    static Result<RunbookDocument> read(CliContext &context, const QString &path);
    static int deliver(CliContext &context, const Result<QByteArray> &bytes, const QString &file,
                       const QString &what);
};

} // namespace cutover::cli

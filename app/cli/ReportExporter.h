#pragma once

#include "CliCommand.h"
#include "ReportExport.h"
#include "core/Result.h"
#include "reconcile/ReconcileReport.h"
#include "report/ReportComparison.h"

#include <QByteArray>
#include <optional>

class QCommandLineParser;

namespace cutover::cli {

// How `reconcile` and `reports --show` export a report: --format json|html|md|pdf and -o FILE
// (the format follows FILE's extension when --format is not given). The rendering is
// ReportExport's, which the window's report viewer shares.
class ReportExporter
{
public:
    using Format = ReportExport::Format;
    struct Choice
    {
        std::optional<Format> format; // none: the short text summary
        QString file;                 // empty: stdout
    };

    static void addOptions(QCommandLineParser &parser);
    // The format and file asked for, or nothing after printing a usage error.
    static std::optional<Choice> choose(CliContext &context, const QCommandLineParser &parser,
                                        const QString &command);
    // Whether these program arguments ("cutover-cli reconcile ... --format pdf") ask for a PDF,
    // which needs a QGuiApplication.
    static bool wantsPdf(const QStringList &arguments);

    static std::optional<Format> parse(const QString &name);
    static std::optional<Format> fromFileName(const QString &file);
    static Result<QByteArray> render(Format format, const ReconcileReport &report,
                                     const ReportComparison &comparison);
    // Renders and writes to the chosen file or stdout (nothing without a format).
    static Result<void> deliver(CliContext &context, const Choice &choice,
                                const ReconcileReport &report, const ReportComparison &comparison);
};

} // namespace cutover::cli

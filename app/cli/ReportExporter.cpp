#include "ReportExporter.h"

#include <QCommandLineParser>

namespace cutover::cli {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kOutput = QStringLiteral("output");

int usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "cutover-cli " << command << ": " << message << Qt::endl
                << "Try 'cutover-cli " << command << " --help'." << Qt::endl;
    return UsageError;
}

} // namespace

void ReportExporter::addOptions(QCommandLineParser &parser)
{
    parser.addOption({kFormat,
                      QStringLiteral("Export as json, html (self-contained, prints on A4), md "
                                     "(GitHub Markdown) or pdf (needs -o). Default: the format "
                                     "of -o's extension, else a short summary."),
                      QStringLiteral("FORMAT")});
    parser.addOption({{QStringLiteral("o"), kOutput},
                      QStringLiteral("Write the export to FILE (the summary still goes to "
                                     "stdout)."),
                      QStringLiteral("FILE")});
}

std::optional<ReportExporter::Format> ReportExporter::parse(const QString &name)
{
    return ReportExport::parse(name);
}

std::optional<ReportExporter::Format> ReportExporter::fromFileName(const QString &file)
{
    return ReportExport::fromFileName(file);
}

std::optional<ReportExporter::Choice> ReportExporter::choose(CliContext &context,
                                                             const QCommandLineParser &parser,
                                                             const QString &command)
{
    Choice choice;
    choice.file = parser.value(kOutput);
    if (parser.isSet(kFormat)) {
        choice.format = parse(parser.value(kFormat));
        if (!choice.format) {
            usage(context, command,
                  QStringLiteral("--format is json, html, md or pdf, not '%1'")
                      .arg(parser.value(kFormat)));
            return std::nullopt;
        }
    } else if (!choice.file.isEmpty()) {
        choice.format = fromFileName(choice.file);
        if (!choice.format) {
            usage(context, command,
                  QStringLiteral("cannot tell the format of '%1' from its name: give --format")
                      .arg(choice.file));
            return std::nullopt;
        }
    }
    if (choice.format == Format::Pdf && choice.file.isEmpty()) {
        usage(context, command, QStringLiteral("a PDF needs a file: give -o FILE"));
        return std::nullopt;
    }
    return choice;
}

bool ReportExporter::wantsPdf(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command != QLatin1String("reconcile") && command != QLatin1String("reports"))
        return false;
    std::optional<Format> format;
    QString file;
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--format"))
            format = parse(arguments.value(i + 1));
        else if (a.startsWith(QLatin1String("--format=")))
            format = parse(a.mid(9));
        else if (a == QLatin1String("-o") || a == QLatin1String("--output"))
            file = arguments.value(i + 1);
        else if (a.startsWith(QLatin1String("--output=")))
            file = a.mid(9);
    }
    if (!format && !file.isEmpty())
        format = fromFileName(file);
    return format == Format::Pdf;
}

Result<QByteArray> ReportExporter::render(Format format, const ReconcileReport &report,
                                          const ReportComparison &comparison)
{
    return ReportExport::render(format, report, comparison);
}

Result<void> ReportExporter::deliver(CliContext &context, const Choice &choice,
                                     const ReconcileReport &report,
                                     const ReportComparison &comparison)
{
    if (!choice.format)
        return {};
    auto bytes = render(*choice.format, report, comparison);
    if (!bytes)
        return bytes.error();
    if (!choice.file.isEmpty())
        return ReportExport::writeBytes(choice.file, *bytes);
    context.out << QString::fromUtf8(*bytes);
    context.out.flush();
    return {};
}

} // namespace cutover::cli

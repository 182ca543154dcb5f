#include "RunbookExportCommand.h"

#include "CommandLine.h"
#include "project/ProjectReader.h"

#include <QFileInfo>

namespace cutover::cli {

namespace {

const QString kExport = QStringLiteral("export");
const QString kFormat = QStringLiteral("format");
const QString kOutput = QStringLiteral("output");

void addOutput(CommandLine &line)
{
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({{QStringLiteral("o"), kOutput},
                    QStringLiteral("Write to FILE (atomically) instead of stdout; a PDF needs "
                                   "it."),
                    QStringLiteral("FILE")});
}

// The value of --name VALUE or --name=VALUE among arguments.
QString optionValue(const QStringList &arguments, const QStringList &names)
{
    QString value;
    for (qsizetype i = 0; i < arguments.size(); ++i)
        for (const QString &name : names) {
            if (arguments.at(i) == name)
                value = arguments.value(i + 1);
            else if (arguments.at(i).startsWith(name + QLatin1Char('=')))
                value = arguments.at(i).mid(name.size() + 1);
        }
    return value;
}

} // namespace

std::optional<RunbookExportCommand::Format> RunbookExportCommand::chosen(const QString &format,
                                                                         const QString &file)
{
    if (!format.isEmpty())
        return RunbookExport::parse(format);
    return file.isEmpty() ? std::nullopt : RunbookExport::parse(QFileInfo(file).suffix());
}

bool RunbookExportCommand::asksExport(const QStringList &arguments)
{
    for (const QString &a : arguments)
        if (a == QLatin1String("--export") || a.startsWith(QLatin1String("--export=")) ||
            a == QLatin1String("-o") || a == QLatin1String("--output") ||
            a.startsWith(QLatin1String("--output=")))
            return true;
    return false;
}

bool RunbookExportCommand::wantsPdf(const QStringList &arguments)
{
    if (arguments.value(1) != QLatin1String("runbook"))
        return false;
    const QStringList rest = arguments.mid(2);
    const QString format =
        optionValue(rest, {QStringLiteral("--export"), QStringLiteral("--format")});
    const QString file = optionValue(rest, {QStringLiteral("-o"), QStringLiteral("--output")});
    return chosen(format, file) == Format::Pdf;
}

int RunbookExportCommand::usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "cutover-cli " << command << ": " << message << Qt::endl
                << "Try 'cutover-cli " << command << " --help'." << Qt::endl;
    return UsageError;
}

Result<RunbookDocument> RunbookExportCommand::read(CliContext &context, const QString &path)
{
    auto project = ProjectReader::load(path);
    if (!project)
        return project.error();
    return RunbookDocument::read(*project, path, context.passwords,
                                 QDateTime::currentDateTimeUtc());
}

int RunbookExportCommand::exportRunbook(CliContext &context)
{
    const QString command = QStringLiteral("runbook");
    CommandLine line(command,
                     QStringLiteral("Writes the project's cutover runbook: its RAG status with "
                                    "the reasons, the schedule against the cutover window, every "
                                    "step with owner, status, planned, actual and forecast times, "
                                    "evidence, notes and gate conditions, the sign-offs and the "
                                    "rehearsals compared."));
    addOutput(line);
    line.addOption({kExport,
                    QStringLiteral("md (GitHub Markdown), html (self-contained, prints on A4) or "
                                   "pdf (needs -o). Default: the format of -o's extension."),
                    QStringLiteral("FORMAT")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString file = line.parser().value(kOutput);
    const auto format = chosen(line.parser().value(kExport), file);
    if (!format || format == Format::Text)
        return usage(context, command, QStringLiteral("--export is md, html or pdf"));
    if (format == Format::Pdf && file.isEmpty())
        return usage(context, command, QStringLiteral("a PDF needs a file: give -o FILE"));
    const auto document = read(context, line.parser().positionalArguments().first());
    if (!document)
        return CliCommand::fail(context, document.error());
    return deliver(context, RunbookExport::runbook(*document, *format), file,
                   QStringLiteral("runbook"));
}

int RunbookExportCommand::statusUpdate(CliContext &context)
{
    const QString command = QStringLiteral("runbook status-update");
    CommandLine line(command,
                     QStringLiteral("Writes the status update of the migration plan's template: "
                                    "status, phase, progress, completed, in progress with ETA, "
                                    "next steps, metrics of the newest run and report, issues and "
                                    "risks, downtime planned and so far, next update. Plain text "
                                    "(for chat or e-mail) on stdout by default."));
    addOutput(line);
    line.addOption({kFormat,
                    QStringLiteral("text, md (GitHub Markdown), html (self-contained) or pdf "
                                   "(needs -o). Default: the format of -o's extension, else "
                                   "text."),
                    QStringLiteral("FORMAT")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString file = line.parser().value(kOutput);
    const QString name = line.parser().value(kFormat);
    auto format = chosen(name, file);
    if (!format && !name.isEmpty())
        return usage(context, command,
                     QStringLiteral("--format is text, md, html or pdf, not "
                                    "'%1'")
                         .arg(name));
    if (format == Format::Pdf && file.isEmpty())
        return usage(context, command, QStringLiteral("a PDF needs a file: give -o FILE"));
    const auto document = read(context, line.parser().positionalArguments().first());
    if (!document)
        return CliCommand::fail(context, document.error());
    return deliver(context, RunbookExport::statusUpdate(*document, format.value_or(Format::Text)),
                   file, QStringLiteral("status update"));
}

int RunbookExportCommand::deliver(CliContext &context, const Result<QByteArray> &bytes,
                                  const QString &file, const QString &what)
{
    if (!bytes)
        return CliCommand::fail(context, bytes.error());
    if (file.isEmpty()) {
        context.out << QString::fromUtf8(*bytes);
        context.out.flush();
        return Ok;
    }
    if (auto written = RunbookExport::write(file, bytes, what); !written)
        return CliCommand::fail(context, written.error());
    context.out << "Wrote the " << what << " to " << file << '.' << Qt::endl;
    return Ok;
}

} // namespace cutover::cli

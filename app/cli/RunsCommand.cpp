#include "RunsCommand.h"

#include "CommandLine.h"
#include "RunHistoryPrinter.h"
#include "core/JsonWriter.h"
#include "project/ProjectReader.h"
#include "run/ledger/RunHistory.h"

namespace cutover::cli {

int RunsCommand::run(CliContext &context)
{
    CommandLine line(name(),
                     QStringLiteral("Lists the project's runs recorded in its target, newest "
                                    "first: id, mode, status, start, duration, phase, mapping "
                                    "version and message, and per table the row ledger "
                                    "(source = loaded + quarantined + skipped) and seconds.\n"
                                    "Exit code 0, 2 on a usage error, 3 when the project or the "
                                    "target cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("json"), QStringLiteral("Print everything as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());
    RunHistory history(*project, context.passwords);
    auto runs = history.runs();
    if (!runs)
        return fail(context, runs.error());
    const QString target = history.spec().displayName();
    if (parser.isSet(QStringLiteral("json")))
        context.out << QString::fromUtf8(
            JsonWriter().write(RunHistoryPrinter::toJson(project->name, target, *runs)));
    else
        RunHistoryPrinter::printText(context.out, project->name, target, *runs);
    context.out.flush();
    return Ok;
}

} // namespace cutover::cli

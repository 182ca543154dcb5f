#include "QuarantineCommand.h"

#include "CommandLine.h"
#include "QuarantinePrinter.h"
#include "core/JsonWriter.h"
#include "project/ProjectReader.h"
#include "run/ledger/RunHistory.h"

namespace cutover::cli {

int QuarantineCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral("Lists the rows the project's runs quarantined: run, table, source key "
                       "and each violation's column, source, reason and value. --export writes "
                       "them with their raw values to a CSV file (or JSON for a .json file).\n"
                       "Exit code 0, 2 on a usage error or an unknown run, 3 when the project, "
                       "the target or the export file cannot be read or written."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("run"),
                    QStringLiteral("Only this run's rows (a run id, or the start of one)."),
                    QStringLiteral("R")});
    line.addOption({QStringLiteral("table"), QStringLiteral("Only this target table's rows."),
                    QStringLiteral("T")});
    line.addOption({QStringLiteral("export"),
                    QStringLiteral("Write the rows with their raw values to FILE: CSV, or JSON "
                                   "when FILE ends in .json."),
                    QStringLiteral("FILE")});
    line.addOption({QStringLiteral("json"), QStringLiteral("Print the rows as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());
    RunHistory history(*project, context.passwords);
    std::optional<QString> runId;
    if (parser.isSet(QStringLiteral("run"))) {
        auto run = history.find(parser.value(QStringLiteral("run")));
        if (!run)
            return fail(context, run.error());
        runId = run->runId;
    }
    std::optional<QString> table;
    if (parser.isSet(QStringLiteral("table")))
        table = parser.value(QStringLiteral("table"));
    if (parser.isSet(QStringLiteral("export"))) {
        QuarantineFilter filter;
        filter.runId = runId.value_or(QString());
        filter.table = table.value_or(QString());
        const QString file = parser.value(QStringLiteral("export"));
        auto written = history.exportQuarantine(filter, file);
        if (!written)
            return fail(context, written.error());
        context.out << "exported " << *written << " quarantined "
                    << (*written == 1 ? "row" : "rows") << " to " << file << Qt::endl;
        return Ok;
    }
    auto rows = history.quarantine(runId, table);
    if (!rows)
        return fail(context, rows.error());
    if (parser.isSet(QStringLiteral("json")))
        context.out << QString::fromUtf8(
            JsonWriter().write(QuarantineExport::toJson(project->name, *rows)));
    else
        QuarantinePrinter::printText(context.out, *rows);
    context.out.flush();
    return Ok;
}

} // namespace cutover::cli

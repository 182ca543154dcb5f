#include "CopyCommand.h"

#include "CommandLine.h"
#include "ExitCode.h"
#include "InitCommand.h"
#include "ReconcileCommand.h"
#include "RunCommand.h"
#include "RunProgressPrinter.h"
#include "dialect/ConnectionSpec.h"
#include "project/ProjectReader.h"
#include "report/ReportStore.h"
#include "run/ledger/RunHistory.h"

#include <QFileInfo>

namespace cutover::cli {

namespace {

// Options passed on to init and run as they are given.
const QStringList kInitOptions = {QStringLiteral("tables"), QStringLiteral("exclude"),
                                  QStringLiteral("names"), QStringLiteral("mode")};
const QStringList kRunFlags = {QStringLiteral("drop-indexes"),
                               QStringLiteral("defer-foreign-keys")};

int step(CliCommand &command, CliContext &context, const QStringList &arguments)
{
    CliContext inner{arguments, context.out, context.err, context.passwords};
    context.out << QStringLiteral("\n== cutover-cli %1 %2\n")
                       .arg(command.name(), arguments.join(QLatin1Char(' ')));
    context.out.flush();
    return command.run(inner);
}

} // namespace

QString CopyCommand::defaultProjectFile(const QString &sourceUrl)
{
    auto spec = ConnectionSpec::parse(sourceUrl);
    QString base = QStringLiteral("copy");
    if (spec)
        base = spec->isServer() ? spec->database() : QFileInfo(spec->path()).completeBaseName();
    return base + QStringLiteral(".cutover");
}

int CopyCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral("Copies the source's tables into the target as they are, in one go: writes "
                       "a project as 'cutover-cli init' does, runs it and reconciles it, then "
                       "prints a summary per table. The project file stays (default: named after "
                       "the source, in the current folder) for a later look, a re-run with "
                       "'cutover-cli run' or an incremental sync.\n"
                       "Exit code 0 when every row arrived and reconciliation passed, 1 when a "
                       "row was quarantined, the run failed or reconciliation did not pass, 2 on "
                       "a usage error, 3 when a connection cannot be read."));
    line.addPositional(QStringLiteral("SOURCE_URL"), QStringLiteral("the database to copy from"));
    line.addPositional(QStringLiteral("TARGET_URL"), QStringLiteral("the database to copy into"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("The project file to write."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   QStringLiteral("Overwrite the project file if it exists."));
    const QCommandLineOption schemaOnly(QStringLiteral("schema-only"),
                                        QStringLiteral("Create the missing target tables, copy "
                                                       "no rows."));
    const QCommandLineOption dataOnly(
        QStringLiteral("data-only"),
        QStringLiteral("Copy rows into tables that exist; create none (refused when one is "
                       "missing)."));
    for (const auto &option : {project, force, schemaOnly, dataOnly})
        line.addOption(option);
    for (const QString &name : kInitOptions)
        line.addOption({name, QStringLiteral("As for init."), QStringLiteral("VALUE")});
    for (const QString &name : kRunFlags)
        line.addOption({name, QStringLiteral("As for run.")});
    if (const int code = line.parse(context, 2); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    if (parser.isSet(schemaOnly) && parser.isSet(dataOnly))
        return fail(context, Error(Error::Code::Usage,
                                   QStringLiteral("give --schema-only or --data-only, not both")));
    const QString source = parser.positionalArguments().at(0);
    const QString target = parser.positionalArguments().at(1);
    const QString file = parser.isSet(project) ? parser.value(project) : defaultProjectFile(source);

    QStringList init = {file, QStringLiteral("--source"), source, QStringLiteral("--target"),
                        target};
    for (const QString &name : kInitOptions)
        for (const QString &value : parser.values(name))
            init << QStringLiteral("--") + name << value;
    if (parser.isSet(force))
        init << QStringLiteral("--force");
    if (parser.isSet(schemaOnly))
        init << QStringLiteral("--create-target");
    if (parser.isSet(dataOnly))
        init << QStringLiteral("--data-only");
    InitCommand initCommand;
    if (const int code = step(initCommand, context, init); code != Ok)
        return code;
    if (parser.isSet(schemaOnly))
        return Ok;

    QStringList run = {file};
    for (const QString &flag : kRunFlags)
        if (parser.isSet(flag))
            run << QStringLiteral("--") + flag;
    RunCommand runCommand;
    const int ran = step(runCommand, context, run);
    if (ran != Ok && ran != CheckFailed)
        return ran;
    ReconcileCommand reconcileCommand;
    const int reconciled = step(reconcileCommand, context, {file});
    if (reconciled != Ok && reconciled != CheckFailed)
        return reconciled;
    const int summarized = summarize(context, file);
    return ran == Ok && reconciled == Ok ? summarized : CheckFailed;
}

int CopyCommand::summarize(CliContext &context, const QString &projectFile)
{
    auto project = ProjectReader::load(projectFile);
    if (!project)
        return fail(context, project.error());
    RunHistory history(*project, context.passwords);
    auto runs = history.runs();
    if (!runs)
        return fail(context, runs.error());
    if (runs->isEmpty())
        return Ok;
    ReportStore store(history.session());
    auto reports = store.list(project->name);
    if (!reports)
        return fail(context, reports.error());
    std::optional<ReconcileReport> report;
    if (!reports->isEmpty())
        if (auto loaded = store.load(reports->first().reportId, project->name))
            report = *loaded;
    const RunRecord &last = runs->first();
    context.out << QStringLiteral("\nCopied into %1 (project %2):\n")
                       .arg(history.spec().displayName(), projectFile);
    context.out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("table"), -28)
                       .arg(QStringLiteral("rows"), 12)
                       .arg(QStringLiteral("quarantined"), 12)
                       .arg(QStringLiteral("seconds"), 8)
                       .arg(QStringLiteral("reconciliation"));
    bool clean = true;
    for (const RunTableRecord &table : last.tables) {
        QString status = QStringLiteral("-");
        if (report)
            for (const TableReconciliation &t : std::as_const(report->tables))
                if (t.table == table.tableName)
                    status = reconcileStatusName(t.status).toUpper();
        const double seconds =
            table.finishedAt.isValid() ? table.startedAt.msecsTo(table.finishedAt) / 1000.0 : 0;
        clean = clean && table.quarantined == 0;
        context.out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                           .arg(table.tableName, -28)
                           .arg(RunProgressPrinter::count(table.loaded), 12)
                           .arg(RunProgressPrinter::count(table.quarantined), 12)
                           .arg(seconds, 8, 'f', 1)
                           .arg(status);
    }
    if (!clean)
        context.out
            << QStringLiteral("Quarantined rows: cutover-cli quarantine %1\n").arg(projectFile);
    return clean ? Ok : CheckFailed;
}

} // namespace cutover::cli

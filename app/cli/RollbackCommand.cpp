#include "RollbackCommand.h"

#include "CliAudit.h"
#include "CommandLine.h"
#include "RunProgressPrinter.h"
#include "project/ProjectReader.h"

namespace cutover::cli {

int RollbackCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral(
            "Rolls back one run of the project. A SQLite target is restored from the backup the "
            "run took before writing (and the run recorded as rolled back in it); on PostgreSQL "
            "and MySQL the rows the run wrote are deleted, children first, in one transaction, "
            "and the tables it created are dropped.\n"
            "Refused, changing nothing, for a dry run, a run already rolled back or a SQLite run "
            "without its backup, and unless --force for a run still marked running, a run "
            "followed by other runs that changed the target, or a table the run upserted into or "
            "emptied.\n"
            "Exit code 0 when rolled back, 1 when refused, 2 on a usage error or an unknown run, "
            "3 when the project or the target cannot be opened."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addPositional(QStringLiteral("RUN"),
                       QStringLiteral("the run id, or its start (see 'cutover-cli runs')"));
    line.addOption({QStringLiteral("force"),
                    QStringLiteral("Roll back even when later runs changed the target, the run "
                                   "is still marked running, or a table cannot be fully "
                                   "restored by deleting rows.")});
    if (const int code = line.parse(context, 2); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    auto project = ProjectReader::load(parser.positionalArguments().at(0));
    if (!project)
        return fail(context, project.error());
    RunRollback rollback(*project, context.passwords);
    rollback.setNotice([&context](const QString &message) { context.out << message << Qt::endl; });
    if (auto opened = rollback.open(); !opened)
        return fail(context, opened.error());
    auto run = rollback.find(parser.positionalArguments().at(1));
    if (!run)
        return fail(context, run.error());
    auto report = rollback.rollback(run->runId, parser.isSet(QStringLiteral("force")));
    if (!report) {
        if (report.error().code() != Error::Code::Usage)
            return fail(context, report.error());
        context.err << "cutover-cli rollback: " << report.error().toString() << Qt::endl;
        return CheckFailed;
    }
    printReport(context.out, *report);
    CliAudit::rollback(context, parser.positionalArguments().at(0), *report);
    return Ok;
}

void RollbackCommand::printReport(QTextStream &out, const RunRollback::Report &report)
{
    out << '\n' << report.lines().join(QLatin1Char('\n')) << '\n';
    out.flush();
}

} // namespace cutover::cli

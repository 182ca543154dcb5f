#include "RunbookCommand.h"

#include "CommandLine.h"
#include "RunbookExportCommand.h"
#include "RunbookPlanCommand.h"
#include "RunbookPrinter.h"
#include "RunbookStepCommand.h"
#include "project/ProjectReader.h"
#include "runbook/RehearsalDurations.h"
#include "runbook/RunbookService.h"

namespace cutover::cli {

namespace {

int show(CliContext &context)
{
    if (RunbookExportCommand::asksExport(context.arguments))
        return RunbookExportCommand::exportRunbook(context);
    CommandLine line(QStringLiteral("runbook"),
                     QStringLiteral("Shows the project's cutover runbook with its status.\n\n") +
                         RunbookCommand::subcommandsHelp());
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString path = line.parser().positionalArguments().first();
    auto project = ProjectReader::load(path);
    if (!project)
        return CliCommand::fail(context, project.error());
    RunbookService service(*project, path, context.passwords);
    const auto state = service.state();
    if (!state)
        return CliCommand::fail(context, state.error());
    const auto schedule = RunbookSchedule::compute(
        project->runbook, state->current(), QDateTime::currentDateTimeUtc(),
        RehearsalDurations::forPlan(project->runbook, *state));
    if (!schedule)
        return CliCommand::fail(context, schedule.error());
    RunbookPrinter(context.out, project->runbook, *schedule).print(project->name, state->current());
    return Ok;
}

} // namespace

QString RunbookCommand::subcommandsHelp()
{
    return QStringLiteral(
        "Subcommands (cutover-cli runbook PROJECT SUBCOMMAND --help for each):\n"
        "  start --rehearsal|--live   start a rehearsal or the live cutover\n"
        "  end                        end it\n"
        "  step ID start|done|skip|fail|block|reset [--note TEXT] [--force]\n"
        "  note ID TEXT               add a note to a step\n"
        "  check ID                   why a step may not be done yet\n"
        "  signoff ID --name N --role R --decision approve|reject|approve-with-conditions\n"
        "  run ID                     run an automated step and keep its evidence\n"
        "  advise [answers]           recommend a strategy (Big Bang, Phased, Parallel Run,\n"
        "                             Blue-Green) with scores and reasons\n"
        "  generate [--strategy S]    write the strategy's runbook into the project\n"
        "  rehearsals                 the steps' durations in the last rehearsals\n"
        "  status-update [--format text|md|html|pdf] [-o FILE]\n"
        "                             the status update for a chat, an e-mail or the meeting\n"
        "And cutover-cli runbook PROJECT --export md|html|pdf [-o FILE] writes the runbook.");
}

int RunbookCommand::run(CliContext &context)
{
    const QString subcommand = context.arguments.value(1);
    if (subcommand.isEmpty() || subcommand.startsWith(QLatin1Char('-')))
        return show(context);
    if (RunbookStepCommand::names().contains(subcommand)) {
        context.arguments.removeAt(1);
        return RunbookStepCommand::run(context, subcommand);
    }
    if (subcommand == RunbookExportCommand::statusUpdateName()) {
        context.arguments.removeAt(1);
        return RunbookExportCommand::statusUpdate(context);
    }
    if (RunbookPlanCommand::names().contains(subcommand)) {
        context.arguments.removeAt(1);
        return RunbookPlanCommand::run(context, subcommand);
    }
    context.err << "cutover-cli runbook: unknown subcommand '" << subcommand << "'\n"
                << subcommandsHelp() << Qt::endl;
    return UsageError;
}

} // namespace cutover::cli

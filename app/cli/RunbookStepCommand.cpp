#include "RunbookStepCommand.h"

#include "CommandLine.h"
#include "project/ProjectReader.h"
#include "run/RunControl.h"
#include "runbook/RunbookRunner.h"
#include "runbook/RunbookService.h"
#include "runbook/RunbookStateVocabulary.h"

#include <QThread>
#include <csignal>
#include <memory>

namespace cutover::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
}

struct Opened
{
    std::unique_ptr<RunbookService> service;
    int code = -1; // the exit code when it could not be opened
};

Opened open(CliContext &context, const QString &path)
{
    auto project = ProjectReader::load(path);
    if (!project)
        return {nullptr, CliCommand::fail(context, project.error())};
    return {std::make_unique<RunbookService>(*project, path, context.passwords), -1};
}

// A refusal's reasons go to stderr under the command's name; exit code 1.
int report(CliContext &context, const Result<void> &result, const QString &done)
{
    if (!result)
        return CliCommand::fail(context, result.error());
    context.out << done << Qt::endl;
    return Ok;
}

int usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "cutover-cli runbook " << command << ": " << message << Qt::endl
                << "Try 'cutover-cli runbook PROJECT " << command << " --help'." << Qt::endl;
    return UsageError;
}

void addProject(CommandLine &line)
{
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
}

void addChangeOptions(CommandLine &line)
{
    line.addOption({QStringLiteral("note"), QStringLiteral("A note kept with the change."),
                    QStringLiteral("TEXT")});
    line.addOption({QStringLiteral("force"),
                    QStringLiteral("Go ahead although steps before it are not done (never past "
                                   "a gate); the trail notes it.")});
}

} // namespace

QStringList RunbookStepCommand::names()
{
    return {QStringLiteral("start"), QStringLiteral("end"),   QStringLiteral("step"),
            QStringLiteral("note"),  QStringLiteral("check"), QStringLiteral("signoff"),
            QStringLiteral("run")};
}

int RunbookStepCommand::run(CliContext &context, const QString &subcommand)
{
    if (subcommand == QLatin1String("start"))
        return startExecution(context);
    if (subcommand == QLatin1String("end"))
        return endExecution(context);
    if (subcommand == QLatin1String("step"))
        return changeStep(context);
    if (subcommand == QLatin1String("note"))
        return addNote(context);
    if (subcommand == QLatin1String("check"))
        return checkStep(context);
    if (subcommand == QLatin1String("signoff"))
        return signOff(context);
    if (subcommand == QLatin1String("run"))
        return runStep(context);
    return -1;
}

int RunbookStepCommand::startExecution(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook start"),
                     QStringLiteral("Starts a rehearsal or the live cutover: the runbook's "
                                    "planned times are rebaselined to now, and step changes are "
                                    "recorded against it until 'runbook PROJECT end'."));
    addProject(line);
    line.addOption({QStringLiteral("rehearsal"), QStringLiteral("A rehearsal (dress rehearsal).")});
    line.addOption({QStringLiteral("live"), QStringLiteral("The live cutover.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const bool rehearsal = line.parser().isSet(QStringLiteral("rehearsal"));
    const bool live = line.parser().isSet(QStringLiteral("live"));
    if (rehearsal == live)
        return usage(context, QStringLiteral("start"), QStringLiteral("say --rehearsal or --live"));
    Opened o = open(context, line.parser().positionalArguments().first());
    if (!o.service)
        return o.code;
    const auto started =
        o.service->start(live ? RunbookExecution::Mode::Live : RunbookExecution::Mode::Rehearsal);
    if (!started)
        return CliCommand::fail(context, started.error());
    context.out << (live ? "Live cutover " : "Rehearsal ") << started->id << " started at "
                << started->started.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) << " by "
                << started->startedBy << '.' << Qt::endl;
    return Ok;
}

int RunbookStepCommand::endExecution(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook end"),
                     QStringLiteral("Ends the rehearsal or live cutover under way; a rehearsal "
                                    "is kept, to compare with later ones and to plan steps' "
                                    "durations."));
    addProject(line);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    Opened o = open(context, line.parser().positionalArguments().first());
    if (!o.service)
        return o.code;
    const auto current = o.service->current();
    if (!current)
        return CliCommand::fail(context, current.error());
    return report(context, o.service->end(), QStringLiteral("Ended %1.").arg(current->id));
}

int RunbookStepCommand::changeStep(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook step"),
                     QStringLiteral("Changes a step's status. done checks its predecessors and, "
                                    "for a gate, its conditions: refused with the reasons and "
                                    "exit code 1 while they do not hold. done on a gate records "
                                    "the decision go; fail on a gate, no-go."));
    addProject(line);
    line.addPositional(QStringLiteral("ID"), QStringLiteral("the step's id"));
    line.addPositional(QStringLiteral("ACTION"),
                       QStringLiteral("start, done, skip, fail, block or reset"));
    addChangeOptions(line);
    if (const int code = line.parse(context, 3); code >= 0)
        return code;
    const QStringList args = line.parser().positionalArguments();
    const QHash<QString, StepStatus> actions{{QStringLiteral("start"), StepStatus::InProgress},
                                             {QStringLiteral("done"), StepStatus::Done},
                                             {QStringLiteral("skip"), StepStatus::Skipped},
                                             {QStringLiteral("fail"), StepStatus::Failed},
                                             {QStringLiteral("block"), StepStatus::Blocked},
                                             {QStringLiteral("reset"), StepStatus::Pending}};
    if (!actions.contains(args.at(2)))
        return usage(context, QStringLiteral("step"),
                     QStringLiteral("ACTION is start, done, skip, fail, block or reset, not '%1'")
                         .arg(args.at(2)));
    Opened o = open(context, args.at(0));
    if (!o.service)
        return o.code;
    const StepStatus status = actions.value(args.at(2));
    const RunbookService::Change change{line.parser().value(QStringLiteral("note")),
                                        line.parser().isSet(QStringLiteral("force"))};
    return report(context, o.service->finishStep(args.at(1), status, change),
                  QStringLiteral("Step %1: %2.")
                      .arg(args.at(1), RunbookStateVocabulary::statusTitle(status).toLower()));
}

int RunbookStepCommand::addNote(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook note"), QStringLiteral("Adds a note to a step."));
    addProject(line);
    line.addPositional(QStringLiteral("ID"), QStringLiteral("the step's id"));
    line.addPositional(QStringLiteral("TEXT"), QStringLiteral("the note"));
    if (const int code = line.parse(context, 3); code >= 0)
        return code;
    const QStringList args = line.parser().positionalArguments();
    Opened o = open(context, args.at(0));
    if (!o.service)
        return o.code;
    return report(context, o.service->note(args.at(1), args.at(2)),
                  QStringLiteral("Noted on step %1.").arg(args.at(1)));
}

int RunbookStepCommand::checkStep(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook check"),
                     QStringLiteral("Says whether a step may be marked done now and, for a gate, "
                                    "which of its conditions hold. Exit code 0 when it may, 1 "
                                    "when it is blocked."));
    addProject(line);
    line.addPositional(QStringLiteral("ID"), QStringLiteral("the step's id"));
    if (const int code = line.parse(context, 2); code >= 0)
        return code;
    const QStringList args = line.parser().positionalArguments();
    Opened o = open(context, args.at(0));
    if (!o.service)
        return o.code;
    const auto verdict = o.service->check(args.at(1));
    if (!verdict)
        return CliCommand::fail(context, verdict.error());
    context.out << "Step " << args.at(1) << (verdict->open() ? " may be done." : " is blocked:")
                << '\n';
    for (const QString &b : verdict->blockers)
        context.out << "  ✗ " << b << '\n';
    for (const QString &m : verdict->met)
        context.out << "  ✓ " << m << '\n';
    context.out.flush();
    return verdict->open() ? Ok : CheckFailed;
}

int RunbookStepCommand::signOff(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook signoff"),
                     QStringLiteral("Records a sign-off on a step, usually the go / no-go gate: "
                                    "who, in which role, the decision and a comment."));
    addProject(line);
    line.addPositional(QStringLiteral("ID"), QStringLiteral("the step's id"));
    line.addOption(
        {QStringLiteral("name"), QStringLiteral("Who signs off."), QStringLiteral("NAME")});
    line.addOption({QStringLiteral("role"), QStringLiteral("Their role."), QStringLiteral("ROLE")});
    line.addOption({QStringLiteral("decision"),
                    QStringLiteral("approve, reject or approve-with-conditions."),
                    QStringLiteral("DECISION")});
    line.addOption({QStringLiteral("comment"), QStringLiteral("Conditions, reasons."),
                    QStringLiteral("TEXT")});
    if (const int code = line.parse(context, 2); code >= 0)
        return code;
    const QCommandLineParser &p = line.parser();
    const auto decision = RunbookStateVocabulary::decision(p.value(QStringLiteral("decision")));
    if (!decision)
        return usage(context, QStringLiteral("signoff"),
                     QStringLiteral("--decision is approve, reject or approve-with-conditions"));
    Opened o = open(context, p.positionalArguments().at(0));
    if (!o.service)
        return o.code;
    SignOff s;
    s.name = p.value(QStringLiteral("name"));
    s.role = p.value(QStringLiteral("role"));
    s.decision = *decision;
    s.comment = p.value(QStringLiteral("comment"));
    const QString id = p.positionalArguments().at(1);
    return report(context, o.service->signOff(id, s),
                  QStringLiteral("%1 (%2) signed off step %3: %4.")
                      .arg(s.name, s.role, id, RunbookStateVocabulary::decisionTitle(*decision)));
}

int RunbookStepCommand::runStep(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook run"),
                     QStringLiteral("Runs an automated step's engine action (backup, dry run, "
                                    "run, incremental sync, reconcile, rollback), keeps its "
                                    "run, report or backup as evidence, and marks the step done "
                                    "or failed. Exit code 0 when done, 1 when it failed or a "
                                    "gate held it back."));
    addProject(line);
    line.addPositional(QStringLiteral("ID"), QStringLiteral("the step's id"));
    if (const int code = line.parse(context, 2); code >= 0)
        return code;
    const QStringList args = line.parser().positionalArguments();
    Opened o = open(context, args.at(0));
    if (!o.service)
        return o.code;
    RunbookRunner runner(*o.service, args.at(0), context.passwords);
    runner.setNotice([&context](const QString &text) { context.err << text << Qt::endl; });
    RunControl control;
    std::optional<Result<RunbookRunner::Outcome>> result;
    std::unique_ptr<QThread> worker(
        QThread::create([&] { result.emplace(runner.run(args.at(1), control)); }));
    g_interrupted = 0;
    auto previous = std::signal(SIGINT, onInterrupt);
    worker->start();
    bool cancelling = false;
    while (!worker->wait(100))
        if (g_interrupted && !cancelling) {
            cancelling = true;
            control.cancel();
        }
    std::signal(SIGINT, previous);
    if (!*result)
        return CliCommand::fail(context, result->error());
    const RunbookRunner::Outcome &outcome = **result;
    context.out << "Step " << args.at(1) << ": "
                << RunbookStateVocabulary::statusTitle(outcome.status).toLower();
    if (!outcome.evidence.summary.isEmpty())
        context.out << " — " << outcome.evidence.summary;
    context.out << '\n';
    for (const QString &b : outcome.blockers)
        context.out << "  ✗ " << b << '\n';
    context.out.flush();
    return outcome.status == StepStatus::Done ? Ok : CheckFailed;
}

} // namespace cutover::cli

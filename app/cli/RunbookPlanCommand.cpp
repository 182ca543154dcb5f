#include "RunbookPlanCommand.h"

#include "AdvicePrinter.h"
#include "CliAudit.h"
#include "CommandLine.h"
#include "core/JsonReadError.h"
#include "core/JsonWriter.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"
#include "project/RunbookJson.h"
#include "project/RunbookVocabulary.h"
#include "runbook/AdvisorMeasurements.h"
#include "runbook/RehearsalDurations.h"
#include "runbook/RunbookService.h"
#include "runbook/RunbookStateVocabulary.h"
#include "runbook/RunbookTemplate.h"

#include <QFile>
#include <QJsonDocument>

namespace cutover::cli {

namespace {

struct LevelFlag
{
    const char *name;
    AdvisorAnswers::Level AdvisorAnswers::*field;
    const char *what;
};

const LevelFlag kLevelFlags[] = {
    {"risk", &AdvisorAnswers::riskTolerance, "Risk tolerance"},
    {"rollback", &AdvisorAnswers::rollbackNeed, "How much an instant rollback matters"},
    {"complexity", &AdvisorAnswers::complexity, "Size and complexity of the organisation"},
};

int usage(CliContext &context, const QString &command, const QString &message)
{
    context.err << "cutover-cli runbook " << command << ": " << message << Qt::endl;
    return UsageError;
}

void addAnswerOptions(CommandLine &line)
{
    line.addOption({QStringLiteral("answers"),
                    QStringLiteral("A JSON file with answers, as the project's advisor.answers."),
                    QStringLiteral("FILE")});
    line.addOption({QStringLiteral("rows"),
                    QStringLiteral("Rows to move (measured when left out)."), QStringLiteral("N")});
    line.addOption({QStringLiteral("size-mb"),
                    QStringLiteral("Their size (estimated when left out)."), QStringLiteral("MB")});
    line.addOption({QStringLiteral("growth"), QStringLiteral("Data growth, % a month."),
                    QStringLiteral("PERCENT")});
    line.addOption({QStringLiteral("downtime"),
                    QStringLiteral("Downtime the business accepts, in minutes (0: none)."),
                    QStringLiteral("MINUTES")});
    for (const LevelFlag &flag : kLevelFlags)
        line.addOption({QLatin1String(flag.name),
                        QStringLiteral("%1: low, medium or high.").arg(QLatin1String(flag.what)),
                        QStringLiteral("LEVEL")});
    line.addOption({QStringLiteral("side-by-side"),
                    QStringLiteral("Can source and target run side by side: yes or no."),
                    QStringLiteral("ANSWER")});
    line.addOption({QStringLiteral("hosting"), QStringLiteral("cloud, on-premises or hybrid."),
                    QStringLiteral("WHERE")});
    line.addOption({QStringLiteral("rehearsal-minutes"),
                    QStringLiteral("The last rehearsal's duration (measured when left out)."),
                    QStringLiteral("MINUTES")});
}

std::optional<double> numberOption(CliContext &context, const QCommandLineParser &p,
                                   const QString &name)
{
    bool ok = false;
    const double value = p.value(name).toDouble(&ok);
    if (!ok || value < 0) {
        usage(
            context, QStringLiteral("advise"),
            QStringLiteral("--%1 takes a number of at least 0, not '%2'").arg(name, p.value(name)));
        return std::nullopt;
    }
    return value;
}

template <typename E>
bool choiceOption(CliContext &context, const QCommandLineParser &p, const QString &name,
                  std::optional<E> (*parse)(const QString &), const QStringList &names, E &out)
{
    if (!p.isSet(name))
        return true;
    if (const auto value = parse(p.value(name))) {
        out = *value;
        return true;
    }
    usage(context, QStringLiteral("advise"),
          QStringLiteral("--%1 is %2, not '%3'")
              .arg(name, names.join(QStringLiteral(", ")), p.value(name)));
    return false;
}

Result<AdvisorAnswers> answersFromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot read the answers: %1").arg(file.errorString()), path);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        return Error(Error::Code::Parse, error.errorString(), path);
    try {
        return RunbookJson::readAdvisor(QJsonObject{{QStringLiteral("answers"), doc.object()}})
            .answers;
    } catch (const JsonReadError &e) {
        return Error(Error::Code::Parse, e.message, QStringLiteral("%1 (%2)").arg(path, e.path));
    }
}

} // namespace

QStringList RunbookPlanCommand::names()
{
    return {QStringLiteral("advise"), QStringLiteral("generate"), QStringLiteral("rehearsals")};
}

int RunbookPlanCommand::run(CliContext &context, const QString &subcommand)
{
    if (subcommand == QLatin1String("advise"))
        return advise(context);
    if (subcommand == QLatin1String("generate"))
        return generate(context);
    if (subcommand == QLatin1String("rehearsals"))
        return rehearsals(context);
    return -1;
}

std::optional<AdvisorAnswers>
RunbookPlanCommand::answers(CliContext &context, const QCommandLineParser &p, AdvisorAnswers a)
{
    if (p.isSet(QStringLiteral("answers"))) {
        auto fromFile = answersFromFile(p.value(QStringLiteral("answers")));
        if (!fromFile) {
            CliCommand::fail(context, fromFile.error());
            return std::nullopt;
        }
        a = *fromFile;
    }
    const auto setNumber = [&](const char *name, auto &field) {
        if (!p.isSet(QLatin1String(name)))
            return true;
        const auto value = numberOption(context, p, QLatin1String(name));
        if (value)
            field = static_cast<std::remove_reference_t<decltype(field)>>(*value);
        return value.has_value();
    };
    if (!setNumber("rows", a.rows) || !setNumber("size-mb", a.sizeMb) ||
        !setNumber("growth", a.growthPercentPerMonth) ||
        !setNumber("downtime", a.downtimeMinutes) ||
        !setNumber("rehearsal-minutes", a.rehearsalMinutes))
        return std::nullopt;
    for (const LevelFlag &flag : kLevelFlags)
        if (!choiceOption(context, p, QLatin1String(flag.name), &RunbookVocabulary::level,
                          RunbookVocabulary::levelNames(), a.*flag.field))
            return std::nullopt;
    if (!choiceOption(context, p, QStringLiteral("side-by-side"), &RunbookVocabulary::answer,
                      RunbookVocabulary::answerNames(), a.sideBySide) ||
        !choiceOption(context, p, QStringLiteral("hosting"), &RunbookVocabulary::hosting,
                      RunbookVocabulary::hostingNames(), a.hosting))
        return std::nullopt;
    return a;
}

int RunbookPlanCommand::advise(CliContext &context)
{
    CommandLine line(
        QStringLiteral("runbook advise"),
        QStringLiteral("Recommends Big Bang, Phased, Parallel Run or Blue-Green from the answers "
                       "to the planning documents' questions, with a score for each strategy and "
                       "the reasons. Answers come from the project (a earlier --write), then "
                       "--answers FILE, then the flags; rows, size and the last rehearsal's "
                       "duration are measured from the source and the run ledger when not "
                       "given. --write keeps the answers and the recommendation in the project."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    addAnswerOptions(line);
    line.addOption(
        {QStringLiteral("no-measure"), QStringLiteral("Do not read the source and the ledger.")});
    line.addOption({QStringLiteral("write"),
                    QStringLiteral("Keep the answers and the recommendation in the project.")});
    line.addOption({QStringLiteral("json"), QStringLiteral("Print the recommendation as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &p = line.parser();
    const QString path = p.positionalArguments().first();
    auto project = ProjectReader::load(path);
    if (!project)
        return CliCommand::fail(context, project.error());
    auto given = answers(context, p, project->advisor.answers);
    if (!given)
        return UsageError;
    AdvisorAnswers measured = *given;
    if (!p.isSet(QStringLiteral("no-measure"))) {
        auto filled = AdvisorMeasurements(*project, context.passwords).fillIn(*given);
        if (!filled)
            return CliCommand::fail(context, filled.error());
        measured = *filled;
    }
    const StrategyAdvisor::Recommendation r = StrategyAdvisor::advise(measured);
    if (p.isSet(QStringLiteral("json")))
        context.out << JsonWriter().write(AdvicePrinter::toJson(measured, r));
    else
        AdvicePrinter::print(context.out, measured, r);
    if (!p.isSet(QStringLiteral("write")))
        return Ok;
    const Project before = *project;
    project->advisor = r.record(measured, QDateTime::currentDateTimeUtc());
    if (auto saved = ProjectWriter::save(*project, path); !saved)
        return CliCommand::fail(context, saved.error());
    CliAudit::save(context, path, before, *project);
    context.err << "Kept the answers and the recommendation in " << path << Qt::endl;
    return Ok;
}

int RunbookPlanCommand::generate(CliContext &context)
{
    CommandLine line(
        QStringLiteral("runbook generate"),
        QStringLiteral("Writes the runbook of a strategy into the project: the pre-migration "
                       "checklist, execution (a run and a reconciliation per phase for Phased), "
                       "incremental sync, validation, the go / no-go gate with its sign-offs, "
                       "monitoring, rollback as a contingency, and decommission, with owners, "
                       "durations and the order of the steps. Edit it afterwards in the project "
                       "file or the window. A project with runbook steps keeps them unless "
                       "--replace."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("strategy"),
                    QStringLiteral("big-bang, phased, parallel-run or blue-green (default: the "
                                   "advisor's recommendation kept in the project)."),
                    QStringLiteral("NAME")});
    line.addOption({QStringLiteral("replace"), QStringLiteral("Replace the runbook's steps.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &p = line.parser();
    const QString path = p.positionalArguments().first();
    auto project = ProjectReader::load(path);
    if (!project)
        return CliCommand::fail(context, project.error());
    const QString strategy = p.isSet(QStringLiteral("strategy"))
                                 ? p.value(QStringLiteral("strategy"))
                                 : project->advisor.recommended;
    if (strategy.isEmpty())
        return usage(context, QStringLiteral("generate"),
                     QStringLiteral("name a --strategy, or keep a recommendation first with "
                                    "'runbook PROJECT advise --write'"));
    if (!project->runbook.steps.isEmpty() && !p.isSet(QStringLiteral("replace"))) {
        context.err << "cutover-cli runbook generate: the runbook has "
                    << project->runbook.steps.size() << " steps already; --replace replaces them"
                    << Qt::endl;
        return CheckFailed;
    }
    auto plan = RunbookTemplate::generate(strategy, *project);
    if (!plan)
        return CliCommand::fail(context, plan.error());
    const Project before = *project;
    project->runbook = *plan;
    if (auto saved = ProjectWriter::save(*project, path); !saved)
        return CliCommand::fail(context, saved.error());
    CliAudit::save(context, path, before, *project);
    context.out << "Wrote the " << RunbookVocabulary::strategyTitle(strategy) << " runbook into "
                << path << ": " << plan->steps.size() << " steps." << Qt::endl;
    return Ok;
}

int RunbookPlanCommand::rehearsals(CliContext &context)
{
    CommandLine line(QStringLiteral("runbook rehearsals"),
                     QStringLiteral("Compares the rehearsals: each step's minutes in each of the "
                                    "last rehearsals (newest first), the plan's minutes, and the "
                                    "median a step with durationFromRehearsals is planned with."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("last"), QStringLiteral("How many rehearsals (default 5)."),
                    QStringLiteral("N")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString path = line.parser().positionalArguments().first();
    const int last = line.parser().value(QStringLiteral("last")).toInt();
    auto project = ProjectReader::load(path);
    if (!project)
        return CliCommand::fail(context, project.error());
    const auto state = RunbookService(*project, path).state();
    if (!state)
        return CliCommand::fail(context, state.error());
    const auto c = RehearsalDurations::compare(project->runbook, *state, last > 0 ? last : 5);
    if (c.rehearsals.isEmpty()) {
        context.out << "No rehearsal yet: 'runbook PROJECT start --rehearsal' starts one."
                    << Qt::endl;
        return Ok;
    }
    context.out << QStringLiteral("step").leftJustified(26)
                << QStringLiteral("plan").rightJustified(6)
                << QStringLiteral("median").rightJustified(8);
    for (const RehearsalDurations::Rehearsal &r : c.rehearsals)
        context.out << r.started.toUTC().toString(QStringLiteral("MM-dd HH:mm")).rightJustified(13);
    context.out << '\n';
    for (const RehearsalDurations::Row &row : c.rows) {
        context.out
            << row.stepId.left(25).leftJustified(26)
            << QString::number(row.plannedMinutes).rightJustified(6)
            << (row.median ? QString::number(*row.median) : QStringLiteral("-")).rightJustified(8);
        for (const RehearsalDurations::Cell &cell : row.cells)
            context.out << (cell.minutes ? QString::number(*cell.minutes)
                                         : RunbookStateVocabulary::statusName(cell.status))
                               .rightJustified(13);
        context.out << '\n';
    }
    context.out << "(minutes; a step without a time shows its status)" << Qt::endl;
    return Ok;
}

} // namespace cutover::cli

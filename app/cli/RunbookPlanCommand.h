#pragma once

#include "CliCommand.h"
#include "project/AdvisorAnswers.h"

#include <QCommandLineParser>
#include <optional>

namespace cutover::cli {

// The runbook subcommands that plan: advise (the strategy advisor, with answers from flags, a
// JSON file or the project, and the measurable ones measured), generate (the runbook of a
// strategy, written into the project file) and rehearsals (the steps' durations in the last
// rehearsals, side by side, with the median the plan may take).
class RunbookPlanCommand
{
public:
    // context.arguments: PROJECT ...; -1 when the subcommand is not one of these.
    static int run(CliContext &context, const QString &subcommand);
    static QStringList names();

private:
    static int advise(CliContext &context);
    static int generate(CliContext &context);
    static int rehearsals(CliContext &context);
    // The answers given by --answers FILE and the flags, over base; nullopt after a usage error.
    static std::optional<AdvisorAnswers>
    answers(CliContext &context, const QCommandLineParser &parser, AdvisorAnswers base);
};

} // namespace cutover::cli

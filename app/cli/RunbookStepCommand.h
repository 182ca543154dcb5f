#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// The runbook subcommands that change its state, each through RunbookService's rules:
//   start --rehearsal|--live, end, step ID start|done|skip|fail|block [--note] [--force],
//   note ID TEXT, check ID, signoff ID --name --role --decision [--comment], run ID.
class RunbookStepCommand
{
public:
    // context.arguments: PROJECT SUBCOMMAND ...; -1 when the subcommand is not one of these.
    static int run(CliContext &context, const QString &subcommand);
    static QStringList names();

private:
    static int startExecution(CliContext &context);
    static int endExecution(CliContext &context);
    static int changeStep(CliContext &context);
    static int addNote(CliContext &context);
    static int checkStep(CliContext &context);
    static int signOff(CliContext &context);
    static int runStep(CliContext &context);
};

} // namespace cutover::cli

#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli runbook PROJECT [SUBCOMMAND ...]: the cutover runbook. Without a subcommand it
// shows the runbook with its schedule and status; the subcommands start and end a rehearsal or
// the live cutover, change steps, run automated steps, sign off, advise on the strategy,
// generate the runbook from it, and export the runbook and the status update. Every command
// refuses what a gate forbids, with exit code 1 and the reasons.
class RunbookCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("runbook"); }
    QString summary() const override
    {
        return QStringLiteral("the cutover runbook: steps, gates, sign-offs, status update");
    }
    int run(CliContext &context) override;

    static QString subcommandsHelp();
};

} // namespace cutover::cli

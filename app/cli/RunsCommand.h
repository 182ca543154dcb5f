#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli runs PROJECT [--json]: the project's run history from the ledger in its target,
// newest first, with each table's row ledger. Exit code 0, 2 on a usage error, 3 when the
// project or the target cannot be read.
class RunsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("runs"); }
    QString summary() const override
    {
        return QStringLiteral("list the project's runs with each table's row ledger");
    }
    int run(CliContext &context) override;
};

} // namespace cutover::cli

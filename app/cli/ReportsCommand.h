#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli reports PROJECT [--json]
// cutover-cli reports PROJECT --show ID [--format json|html|md|pdf] [-o FILE]
// Lists the reconciliation reports kept in the project's target, newest first, or exports one
// again (with the comparison to the report before it). Exit code 0, 2 on a usage error or an
// unknown report, 3 when the project, the target or the file cannot be read or written.
class ReportsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("reports"); }
    QString summary() const override
    {
        return QStringLiteral("list the stored reconciliation reports, or export one again");
    }
    int run(CliContext &context) override;
};

} // namespace cutover::cli

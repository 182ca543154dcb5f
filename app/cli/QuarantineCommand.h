#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli quarantine PROJECT [--run R] [--table T] [--export FILE] [--json]: the rows the
// project's runs quarantined, with every violation (column, source, reason, value); --export
// writes them with their raw values to FILE, as CSV or, for FILE ending in .json, as JSON.
// R may be an unambiguous prefix of a run id. Exit code 0 (quarantined rows are no failure of
// the command), 2 on a usage error or an unknown run, 3 when the project, the target or FILE
// cannot be read or written.
class QuarantineCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("quarantine"); }
    QString summary() const override
    {
        return QStringLiteral("list or export the rows runs quarantined, with their violations");
    }
    int run(CliContext &context) override;
};

} // namespace cutover::cli

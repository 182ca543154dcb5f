#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli functions [--markdown]: the functions transform expressions can use, with examples.
// docs/functions.md is this command's --markdown output, so the documentation cannot drift.
class FunctionsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("functions"); }
    QString summary() const override
    {
        return QStringLiteral("list the functions transform expressions can use");
    }
    int run(CliContext &context) override;

    static QString markdown();
};

} // namespace cutover::cli

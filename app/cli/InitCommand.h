#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli init PROJECT --source URL --target URL [--tables P]... [--exclude P]...
// [--names keep|lower] [--mode M] [--create-target] [--force]: writes a new project that copies
// the source's tables into the target as they are (ProjectInitializer), with the definitions of
// the target tables to create, and says what it left out or renamed.
class InitCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("init"); }
    QString summary() const override
    {
        return QStringLiteral("write a new project that copies one database into another");
    }
    int run(CliContext &context) override;
};

} // namespace cutover::cli

#pragma once

#include "CliCommand.h"

namespace cutover::cli {

// cutover-cli demo DIR [--rows N] [--seed S]: writes the demo source, target and project.
class DemoCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override
    {
        return QStringLiteral(
            "write a dirty legacy clinic database, a modern target and a project");
    }
    int run(CliContext &context) override;
};

} // namespace cutover::cli

#pragma once

#include "CliCommand.h"
#include "validate/ProjectCheck.h"

namespace cutover::cli {

// cutover-cli validate PROJECT [--json]: checks a project against its live schemas.
class ValidateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override
    {
        return QStringLiteral("check a project against its source and target schemas");
    }
    int run(CliContext &context) override;

private:
    static void printText(QTextStream &out, const ProjectCheck::Outcome &outcome);
    static void printJson(QTextStream &out, const ProjectCheck::Outcome &outcome);
    static int exitCode(const ProjectCheck::Outcome &outcome);
};

} // namespace cutover::cli

#pragma once

#include "CliCommand.h"

namespace cutover {
class DatabaseSchema;
}

namespace cutover::cli {

// cutover-cli inspect CONN [--json]: the schema of a connection.
class InspectCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("inspect"); }
    QString summary() const override { return QStringLiteral("show the schema of a connection"); }
    int run(CliContext &context) override;

private:
    static void printText(QTextStream &out, const DatabaseSchema &schema);
};

} // namespace cutover::cli

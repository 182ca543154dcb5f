#pragma once

#include "CliCommand.h"

namespace cutover {
class Project;
}

namespace cutover::cli {

// cutover-cli copy SOURCE_URL TARGET_URL [--project FILE] [init's options] [--schema-only |
// --data-only] [--drop-indexes] [--defer-foreign-keys]: the pgloader job in one command. Writes
// the project with init, runs it and reconciles it, each step as its own command would, then a
// summary per table (rows, quarantined, seconds, reconciliation). The project file stays for a
// later look, a re-run or an incremental sync.
class CopyCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("copy"); }
    QString summary() const override
    {
        return QStringLiteral("copy one database into another: init, run and reconcile");
    }
    int run(CliContext &context) override;

private:
    static QString defaultProjectFile(const QString &sourceUrl);
    static int summarize(CliContext &context, const QString &projectFile);
};

} // namespace cutover::cli

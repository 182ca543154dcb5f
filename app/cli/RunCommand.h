#pragma once

#include "CliCommand.h"
#include "run/RunOptions.h"

#include <optional>

class QCommandLineParser;

namespace cutover::cli {

// cutover-cli run PROJECT [--fresh] [--dry-run] [--incremental] [--phase NAME] [--table T]...
//                 [--retry-quarantined] [--schema-from URL] [--drop-indexes]
//                 [--defer-foreign-keys] [--batch-size N] [--parallel N] [--no-backup]
//                 [--progress bar|plain|json]
// Runs the migration, resuming the project's interrupted run unless --fresh. Ctrl-C stops at
// the next batch boundary (run again to resume). Exit code 0 when the run succeeded, 1 when it
// failed or was cancelled (a threshold, a table that could not load), 2 on a usage error, 3 when
// a connection could not be opened or was lost for good (the run is resumable).
class RunCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override
    {
        return QStringLiteral("run the migration: batches, checkpoints, resume, quarantine");
    }
    int run(CliContext &context) override;

private:
    static std::optional<RunOptions> options(CliContext &context, const QCommandLineParser &parser);
};

} // namespace cutover::cli

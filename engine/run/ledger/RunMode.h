#pragma once

#include <QString>
#include <optional>

namespace cutover {

// How a run loads (cutover_runs.mode): a full run, a dry run that never commits, or an
// incremental sync from the last watermark.
enum class RunMode
{
    Run,
    DryRun,
    Incremental
};

// "run", "dry-run", "incremental".
QString runModeName(RunMode mode);
std::optional<RunMode> parseRunMode(const QString &name);

} // namespace cutover

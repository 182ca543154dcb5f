#pragma once

#include <QString>
#include <optional>

namespace cutover {

// Where a run, or one table of it, stands in the run ledger (cutover_runs.status).
enum class RunStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    RolledBack,
    Interrupted // stopped at a batch boundary (cancelled, connection lost): resumable
};

// "running", "succeeded", "failed", "cancelled", "rolled-back", "interrupted".
QString runStatusName(RunStatus status);
std::optional<RunStatus> parseRunStatus(const QString &name);

} // namespace cutover

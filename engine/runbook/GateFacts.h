#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "report/StoredReport.h"
#include "run/ledger/RunRecord.h"

#include <optional>

namespace cutover {

class PasswordProvider;

// What a gate reads from the target database: the newest run that left rows there and the
// newest reconciliation report of the project.
struct GateFacts
{
    std::optional<RunRecord> newestRun;
    std::optional<StoredReport> newestReport;
    double maxErrorRate = -1; // the project's

    // Reads them through the run ledger and the report store; a target without a ledger has
    // neither.
    static Result<GateFacts> read(const Project &project, const PasswordProvider *passwords);
    // The newest run's quarantined share of the rows it read; -1 without a run or rows.
    double newestRunErrorRate() const;
};

} // namespace cutover

#include "runbook/GateFacts.h"

#include "report/ReportStore.h"
#include "run/ledger/RunHistory.h"

namespace cutover {

Result<GateFacts> GateFacts::read(const Project &project, const PasswordProvider *passwords)
{
    GateFacts facts;
    facts.maxErrorRate = project.settings.maxErrorRate;
    RunHistory history(project, passwords);
    const auto hasLedger = history.hasLedger();
    if (!hasLedger)
        return hasLedger.error();
    if (!*hasLedger)
        return facts;
    const auto runs = history.runs();
    if (!runs)
        return runs.error();
    for (const RunRecord &run : *runs)
        if (run.leftRows()) {
            facts.newestRun = run;
            break;
        }
    ReportStore store(history.session());
    const auto hasReports = store.exists();
    if (!hasReports)
        return hasReports.error();
    if (!*hasReports)
        return facts;
    const auto reports = store.list(project.name);
    if (!reports)
        return reports.error();
    if (!reports->isEmpty())
        facts.newestReport = reports->first();
    return facts;
}

double GateFacts::newestRunErrorRate() const
{
    if (!newestRun)
        return -1;
    qint64 read = 0;
    qint64 quarantined = 0;
    for (const RunTableRecord &t : newestRun->tables) {
        read += t.loaded + t.quarantined;
        quarantined += t.quarantined;
    }
    return read > 0 ? double(quarantined) / double(read) : -1;
}

} // namespace cutover

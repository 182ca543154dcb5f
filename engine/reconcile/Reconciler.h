#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "reconcile/PhaseScope.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/ReconcileReport.h"
#include "reconcile/TableReconciler.h"
#include "run/RunPlanner.h"
#include "run/ledger/RunRecord.h"
#include "run/ledger/TableDigests.h"
#include "schema/TableInfo.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <atomic>
#include <functional>
#include <optional>

namespace cutover {

class PasswordProvider;
class RunLedger;

// Proves what arrived: for each mapped table (parents first), the source passed through the
// mapping (the run's own transform programs, conversions and rules) is compared with the target,
// keyed by the target key, column by column under comparison rules that follow both types
// (TableReconciler). Works after any run and on a target loaded by another tool. Blocks; call
// it off the GUI thread. progress and cancel() may be used from any thread.
class Reconciler
{
public:
    struct Progress
    {
        QString table;
        QString stage; // "digests", "expected", "target", "compare", "checks"
        qint64 rows = 0;
        int tablesDone = 0;
        int tablesTotal = 0;
    };

    Reconciler(const Project &project, const PasswordProvider *passwords = nullptr);

    void setProgress(std::function<void(const Progress &)> progress);
    void cancel() { m_cancelled = true; }

    Result<ReconcileReport> run(const ReconcileOptions &options);

private:
    struct Target
    {
        const ConnectionSpec &spec;
        const QSqlDatabase db; // read-only, on the calling thread
    };

    Result<ConnectionSpec> targetSpec() const;
    ReconcileReport emptyReport(const ConnectionSpec &target,
                                const ReconcileOptions &options) const;
    Result<void> reconcileTables(const QList<RunPlanner::Table> &plan, const Target &target,
                                 const ReconcileOptions &options, ReconcileReport &report);
    TableReconciler::Setup tableSetup(const RunPlanner::Table &table, const Target &target,
                                      const ReconcileOptions &options,
                                      const ReconcileSettings &settings);
    // The project's runs in the target's ledger (none for a target loaded by another tool), the
    // run reconciled, and the source keys whose rows are still quarantined, per table asked for.
    Result<void> readLedger(const ConnectionSpec &spec, const QList<TableInfo> &tables,
                            const ReconcileOptions &options);
    Result<void> readDigests(RunLedger &ledger);
    Result<void> readQuarantinedKeys(RunLedger &ledger, const QStringList &tables);

    const Project &m_project;
    const PasswordProvider *m_passwords;
    std::function<void(const Progress &)> m_progress;
    std::atomic<bool> m_cancelled{false};
    QList<RunRecord> m_runs;
    PhaseScope m_scope;
    std::optional<RunRecord> m_run;
    QHash<QString, QSet<QString>> m_runQuarantined;
    // Per table: the run that last wrote it and what it digested, when under today's mapping.
    QHash<QString, std::pair<QString, TableDigests>> m_digests;
};

} // namespace cutover

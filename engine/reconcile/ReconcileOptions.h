#pragma once

#include <QStringList>
#include <optional>

namespace cutover {

// What `cutover-cli reconcile` (or the window) asks of a Reconciler.
struct ReconcileOptions
{
    enum class Method
    {
        Auto,     // segment checksums in the database for PostgreSQL and MySQL, else exact
        Exact,    // stream every target row and merge
        Checksums // segment checksums, bisected down to rows where they differ
    };

    QStringList tables; // target tables; empty for every mapped table
    // A project loaded phase by phase is reconciled, by default, over the phases loaded so far
    // (PhaseScope); wholeProject expects every row, whatever was loaded.
    bool wholeProject = false;
    QString runId;    // the run reconciled (its ledger and quarantine); empty: the newest
    bool mask = true; // mask sensitive columns in samples
    std::optional<int> sampleRows; // overrides the project's reconcile.sampleRows
    std::optional<quint64> seed;   // overrides the project's reconcile.seed
    Method method = Method::Auto;
    bool store = true; // keep the report with its run in the target (cutover_reports)
};

} // namespace cutover

#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/TableReconciliation.h"
#include "run/ledger/TableDigests.h"
#include "schema/TableInfo.h"

#include <QSet>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace cutover {

class PasswordProvider;
class ReferenceLookup;
class RunReferenceIndex;
class TargetChecks;
struct ReconcileContext;

// Reconciles one table mapping: (1) the source, read in source-key order, goes through the
// mapping exactly as a run sends it (ExpectedRows, BatchTransformer: transform program, conversion
// to the target types, rules) and the rows that would load are spooled with their target key; (2)
// the target's rows are spooled the same way, at the same time on a second thread
// (ExactMergeStrategy; with segment checksums, SegmentChecksumStrategy: afterwards, and only the
// rows of differing segments); (3) SpoolMerger merges both in key order; (4) duplicate keys and
// unique values, orphaned foreign keys and rule violations are counted on the target
// (TargetChecks). The key is the target's primary key when the mapping fills it; otherwise rows
// are matched by their whole content (a changed row then shows as one missing and one extra).
// Before all that, a table the newest run loaded whole under today's mapping is proven by the
// run's digests (DigestProofStrategy) when they still hold: two scans, no transform but the
// sample's.
class TableReconciler
{
public:
    struct Setup
    {
        const Project *project = nullptr;
        const TableMapping *mapping = nullptr;
        TableInfo target;
        ConnectionSpec targetSpec;
        const PasswordProvider *passwords = nullptr;
        const QSqlDatabase *targetDb = nullptr;      // for orphans, on this thread
        QList<ReferenceLookup *> references;         // reference rules of the expected side
        RunReferenceIndex *referenceIndex = nullptr; // fed with this table's expected rows
        QStringList indexedColumns;
        ReferenceLookup *targetLookup = nullptr; // reference rules checked on the target's rows
        QSet<QString> runQuarantined;            // source keys the run quarantined
        QStringList sourceFilters; // the phases in scope (PhaseScope); empty: every source row
        int sampleRows = 20;
        quint64 seed = 1;
        bool mask = true;
        int batchSize = 1000;
        ReconcileOptions::Method method = ReconcileOptions::Method::Auto;
        // What the newest run that wrote the table digested, when its mapping version is
        // today's (DigestProof); the method Auto then tries the proof before the merge.
        std::optional<TableDigests> digests;
        QString digestRunId;
        const std::atomic<bool> *cancelled = nullptr;
        std::function<void(const QString &stage, qint64 rows)> progress;
    };

    explicit TableReconciler(Setup setup);
    ~TableReconciler();

    Result<TableReconciliation> run();

private:
    void nameTable();
    void chooseColumns();
    void chooseComparers();
    void chooseKey();
    void matchWholeRows();
    Result<void> countSource();
    Result<void> compareEveryRow(TargetChecks &checks);

    std::unique_ptr<ReconcileContext> m_context;
};

} // namespace cutover

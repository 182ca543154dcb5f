#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "reconcile/DigestProof.h"
#include "reconcile/ReconcileOptions.h"
#include "reconcile/ReconcileSpool.h"
#include "reconcile/SampleReservoir.h"
#include "reconcile/SpoolMerger.h"
#include "reconcile/TableReconciliation.h"
#include "reconcile/ValueComparer.h"
#include "run/ledger/TableDigests.h"
#include "schema/TableInfo.h"
#include "source/RowQuery.h"

#include <QMutex>
#include <QSet>
#include <atomic>
#include <functional>
#include <optional>

class QSqlDatabase;

namespace cutover {

class PasswordProvider;
class ReferenceLookup;
class RunReferenceIndex;
class BatchTransformer;
class ColumnProfiler;
class RuleChecker;
class SqlRowSource;
struct LoadBatch;

// Reconciles one table mapping: (1) the source, read in source-key order, goes through the
// mapping exactly as a run sends it (BatchTransformer: transform program, conversion to the
// target types, rules) and the rows that would load are spooled with their target key; (2) the
// target's rows are spooled the same way, at the same time on a second thread (with segment
// checksums: afterwards, and only the rows of differing segments); (3) SpoolMerger merges both in
// key order; (4) duplicate keys and unique values, orphaned foreign keys and rule violations are
// counted on the target. The key is the target's primary key when the mapping fills it; otherwise
// rows are matched by their whole content (a changed row then shows as one missing and one extra).
// Before all that, a table the newest run loaded whole under today's mapping is proven by the
// run's digests (DigestProof) when they still hold: two scans, no transform but the sample's.
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
    Result<bool> proveByDigests();
    Result<bool> sampleProven(const DigestProof::Outcome &outcome);
    Result<QHash<QByteArray, ReconcileSpool::Row>>
    targetRowsByKey(const QList<SampleReservoir<ReconcileSpool::Row>::Entry> &rows);
    Result<void> indexProvenTable();
    Result<std::unique_ptr<SqlRowSource>> openTarget(const RowQuery &query) const;
    RowQuery comparedColumns() const;
    QVariantList canonicalOf(const QVariantList &values) const;
    Result<void> mergeEveryRow();
    SpoolMerger::Setup mergeSetup() const;
    Result<std::unique_ptr<BatchTransformer>>
    createTransformer(const QStringList &sourceColumns, const QStringList &keyColumns) const;
    ReconcileSpool::Row expectedRow(const LoadBatch &loaded, qsizetype r,
                                    const QList<qsizetype> &at) const;
    QList<qsizetype> comparedAt(const QStringList &columns) const;
    void chooseColumns();
    Result<void> countSource();
    Result<void> spoolExpected();
    Result<void> spoolBothSides();
    Result<void> targetSide();
    Result<void> spoolThenCompareByChecksums();
    Result<void> countDistinct(ReconcileSpool::Side side);
    bool useChecksums() const;
    Result<bool> compareByChecksums();
    Result<void> spoolTarget(ReferenceLookup *lookup);
    Result<void> checkTargetRules(const RowBatch &batch, RuleChecker &checker);
    Result<void> findDuplicates();
    ReconcileSpool::Row rowOf(const QVariantList &canonical) const;
    bool cancelled() const;
    void report(const QString &stage, qint64 rows);

    Setup m_setup;
    TableReconciliation m_result;
    QList<ValueComparer> m_comparers;
    QList<int> m_keyColumns; // indexes into m_comparers; empty: whole row
    std::unique_ptr<ReconcileSpool> m_spool;
    std::unique_ptr<ColumnProfiler> m_expectedProfile;
    std::unique_ptr<ColumnProfiler> m_targetProfile;
    QString m_targetFilter; // checksums: only the target rows of differing leaves are read
    QHash<QString, qsizetype> m_ruleFindings; // "rule\x1fcolumn" -> index in ruleViolations
    QList<qint64> m_expectedDistinct;         // per compared column, once counted
    QList<qint64> m_targetDistinct;
    std::atomic<bool> m_abandoned = false; // the expected side failed: the target side stops
    QMutex m_progressMutex;
};

} // namespace cutover

#pragma once

#include "reconcile/ColumnProfiler.h"
#include "reconcile/ReconcileSpool.h"
#include "reconcile/SpoolMerger.h"
#include "reconcile/TableReconciler.h"
#include "reconcile/TableReconciliation.h"
#include "reconcile/ValueComparer.h"
#include "source/RowQuery.h"

#include <QMutex>
#include <atomic>
#include <memory>

namespace cutover {

class SqlRowSource;

// What the parts of one table's reconciliation share (TableReconciler, its strategies and
// TargetChecks): the setup, the compared columns and how rows are keyed, the spool, the two
// sides' profiles and the reconciliation being filled.
struct ReconcileContext
{
    explicit ReconcileContext(TableReconciler::Setup tableSetup);

    bool cancelled() const;
    void report(const QString &stage, qint64 rows);
    // A row as the spool keeps it, keyed by the key columns (or its whole content).
    ReconcileSpool::Row rowOf(const QVariantList &canonical) const;
    QVariantList canonicalOf(const QVariantList &values) const;
    // Indexes into comparers; empty when a column is not compared.
    QList<int> comparedIndexes(const QStringList &columns) const;
    RowQuery comparedColumns() const;
    Result<std::unique_ptr<SqlRowSource>> openTarget(const RowQuery &query) const;
    SpoolMerger::Setup mergeSetup() const;

    const TableReconciler::Setup setup;
    TableReconciliation result;
    QList<ValueComparer> comparers;
    QList<int> keyColumns; // indexes into comparers; empty: whole row
    std::unique_ptr<ReconcileSpool> spool;
    // Profiles of the compared columns; each keeps a reference to comparers.
    std::unique_ptr<ColumnProfiler> expectedProfile;
    std::unique_ptr<ColumnProfiler> targetProfile;
    std::atomic<bool> abandoned = false; // the expected side failed: the target side stops
    QMutex progressMutex;
};

} // namespace cutover

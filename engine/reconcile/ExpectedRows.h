#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "reconcile/ReconcileSpool.h"
#include "transform/LoadBatch.h"

#include <memory>

namespace cutover {

class BatchTransformer;
struct ReconcileContext;

// The expected side of a table, a source batch at a time: the rows go through the mapping exactly
// as a run sends them (BatchTransformer: transform program, conversion to the target types,
// rules), and the rows that would load come out as the spool keeps them.
class ExpectedRows
{
public:
    // sourceKey: the source's key columns.
    ExpectedRows(const ReconcileContext &context, QStringList sourceKey);
    ~ExpectedRows();

    // The first batch sets the source columns of all.
    Result<LoadBatch> transform(const RowBatch &batch, qint64 batchNo, qint64 firstRow);
    // Loading row r of a batch transform() returned.
    ReconcileSpool::Row row(const LoadBatch &loaded, qsizetype r) const;

private:
    Result<std::unique_ptr<BatchTransformer>> createTransformer(const QStringList &columns) const;
    QList<qsizetype> comparedAt(const QStringList &columns) const;

    const ReconcileContext &m_context;
    QStringList m_sourceKey;
    std::unique_ptr<BatchTransformer> m_transformer;
    QList<qsizetype> m_at; // per compared column: its index in the load batch, or -1
};

} // namespace cutover

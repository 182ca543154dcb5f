#pragma once

#include "reconcile/TableReconciliation.h"
#include "reconcile/ValueComparer.h"

#include <QList>
#include <QVariantList>

namespace cutover {

// Per-column NULLs, minimum and maximum of one side of a reconciliation, fed row by row with
// canonical values; distinct counts come from the spool (setDistinct).
class ColumnProfiler
{
public:
    explicit ColumnProfiler(const QList<ValueComparer> &comparers);

    void add(const QVariantList &canonicalValues);
    // One column's candidate for minimum and maximum, and NULLs counted elsewhere (ScanProfiler).
    void offer(qsizetype column, const QVariant &canonical);
    void addNulls(qsizetype column, qint64 nulls) { m_nulls[column] += nulls; }
    void setDistinct(const QList<qint64> &distinct);
    QList<ColumnProfile> profiles() const;
    qint64 nulls() const; // over all columns

private:
    const QList<ValueComparer> &m_comparers;
    QList<qint64> m_nulls;
    QVariantList m_min;
    QVariantList m_max;
    QList<qint64> m_distinct;
};

} // namespace cutover

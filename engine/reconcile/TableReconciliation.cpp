#include "reconcile/TableReconciliation.h"

namespace cutover {

namespace {

template <typename T>
qint64 sumRows(const QList<T> &findings)
{
    qint64 sum = 0;
    for (const T &f : findings)
        sum += f.rows;
    return sum;
}

} // namespace

qint64 TableReconciliation::duplicateRows() const
{
    return sumRows(duplicates);
}

qint64 TableReconciliation::orphanRows() const
{
    return sumRows(orphans);
}

qint64 TableReconciliation::invalidRows() const
{
    return sumRows(ruleViolations);
}

} // namespace cutover

#include "reconcile/ReconcileReport.h"

#include <algorithm>

namespace cutover {

qint64 ReconcileReport::total(qint64 TableReconciliation::*field) const
{
    qint64 sum = 0;
    for (const TableReconciliation &t : tables)
        sum += t.*field;
    return sum;
}

ReconcileStatus ReconcileReport::worstStatus() const
{
    ReconcileStatus worst = ReconcileStatus::Pass;
    for (const TableReconciliation &t : tables)
        worst = std::max(worst, t.status);
    return worst;
}

const TableReconciliation *ReconcileReport::table(const QString &name) const
{
    for (const TableReconciliation &t : tables)
        if (t.table == name)
            return &t;
    return nullptr;
}

} // namespace cutover

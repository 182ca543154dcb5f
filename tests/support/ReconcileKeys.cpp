#include "ReconcileKeys.h"

namespace cutover::test {

QStringList ReconcileKeys::of(const QList<RowRef> &rows)
{
    QStringList keys;
    for (const RowRef &r : rows)
        keys.append(r.targetKey);
    keys.sort();
    return keys;
}

QStringList ReconcileKeys::sample(const TableReconciliation &table)
{
    QStringList keys;
    for (const SampleRow &s : table.sample)
        keys.append(s.row.targetKey + QLatin1Char('=') + s.outcome);
    return keys;
}

QStringList ReconcileKeys::modified(const TableReconciliation &table)
{
    QStringList keys;
    for (const ModifiedRow &m : table.modifiedSamples)
        keys.append(m.row.targetKey + QLatin1Char(':') + m.columns.join(QLatin1Char(',')));
    return keys;
}

} // namespace cutover::test

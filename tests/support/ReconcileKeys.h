#pragma once

#include "reconcile/ReconcileReport.h"

#include <QStringList>

namespace cutover::test {

// What reconciliation tests compare of a table's findings: the keys of listed rows, sorted; the
// sample as key=outcome; the modified rows as key:columns.
class ReconcileKeys
{
public:
    static QStringList of(const QList<RowRef> &rows);
    static QStringList sample(const TableReconciliation &table);
    static QStringList modified(const TableReconciliation &table);
};

} // namespace cutover::test

#pragma once

#include "run/ledger/QuarantineSort.h"
#include "transform/QuarantinedRow.h"

#include <QStringList>
#include <QVariantList>

namespace cutover {

class TargetSession;

// The SQL of a QuarantineSort for QuarantineReader's keyset paging: the ORDER BY terms and the
// condition selecting the rows after a row in that order. Read order compares the row's own
// values, which follow LedgerSchema's quarantine index. A sorted order compares with the
// anchor row's stored values, read by its primary key in a subquery, so the comparison and the
// ORDER BY see the very same expressions (a row read back never has to render its JSON again
// as it was stored); an anchor row deleted since it was read ends the paging.
class QuarantineOrder
{
public:
    QuarantineOrder(TargetSession &session, QuarantineSort sort);

    // "a, b, c" or "a DESC, b DESC, c DESC".
    QString orderBy() const;
    // A condition selecting the rows after `after`; appends its parameters to params.
    QString after(const QuarantinedRow &row, QVariantList &params) const;

private:
    QStringList expressions() const;
    QStringList sortedColumns() const;
    QString expression(const QString &column) const;
    QString codePointOrder(const QString &text) const;
    QString q(const QString &identifier) const;
    QString table() const;
    QVariant keyValue(const QString &key) const;
    QString readOrderAfter(const QuarantinedRow &row, QVariantList &params) const;
    QString sortedAfter(const QuarantinedRow &row, QVariantList &params) const;

    TargetSession &m_session;
    QuarantineSort m_sort;
};

} // namespace cutover

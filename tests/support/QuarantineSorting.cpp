#include "QuarantineSorting.h"

#include "run/ledger/LedgerTimestamp.h"

#include <algorithm>

namespace cutover::test {

QString QuarantineSorting::identity(const QuarantinedRow &row)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(row.runId, row.tableName, row.sourceKey)
        .arg(row.rowNumber);
}

QStringList QuarantineSorting::identities(const QList<QuarantinedRow> &rows)
{
    QStringList ids;
    ids.reserve(rows.size());
    for (const QuarantinedRow &r : rows)
        ids.append(identity(r));
    return ids;
}

QList<QuarantineSort> QuarantineSorting::sorts()
{
    using C = QuarantineSort::Column;
    QList<QuarantineSort> all;
    for (const C column :
         {C::SourceKey, C::Table, C::Reasons, C::Run, C::QuarantinedAt, C::RetriedInRun})
        for (const bool descending : {false, true})
            all.append({column, descending});
    return all;
}

QString QuarantineSorting::name(const QuarantineSort &sort)
{
    static const QStringList names = {QStringLiteral("read order"), QStringLiteral("key"),
                                      QStringLiteral("table"),      QStringLiteral("reasons"),
                                      QStringLiteral("run"),        QStringLiteral("time"),
                                      QStringLiteral("retried")};
    return names.at(int(sort.column)) +
           (sort.descending ? QStringLiteral(" descending") : QStringLiteral(" ascending"));
}

QString QuarantineSorting::sortedText(const QuarantinedRow &row, QuarantineSort::Column column)
{
    using C = QuarantineSort::Column;
    switch (column) {
    case C::Table:
        return row.tableName;
    case C::Reasons:
        return row.violationsJson().left(255);
    case C::Run:
        return row.runId;
    case C::QuarantinedAt:
        return LedgerTimestamp::of(row.quarantinedAt);
    case C::RetriedInRun:
        return row.retriedInRun;
    case C::SourceKey:
    case C::ReadOrder:
        break;
    }
    return row.sourceKey;
}

QList<QuarantinedRow> QuarantineSorting::sorted(QList<QuarantinedRow> rows,
                                                const QuarantineSort &sort)
{
    auto key = [&sort](const QuarantinedRow &r) {
        const bool readOrder = sort.column == QuarantineSort::Column::ReadOrder;
        return std::make_tuple(readOrder ? r.runId.toUtf8() : sortedText(r, sort.column).toUtf8(),
                               readOrder ? r.tableName.toUtf8() : r.sourceKey.toUtf8(),
                               readOrder ? QByteArray() : r.runId.toUtf8(),
                               readOrder ? QByteArray() : r.tableName.toUtf8(), r.rowNumber,
                               readOrder ? r.sourceKey.toUtf8() : QByteArray());
    };
    std::stable_sort(
        rows.begin(), rows.end(),
        [&key](const QuarantinedRow &a, const QuarantinedRow &b) { return key(a) < key(b); });
    if (sort.descending)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace cutover::test

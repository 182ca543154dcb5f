#include "reconcile/ReconcileContext.h"

#include "reconcile/SortKey.h"
#include "source/SqlRowSource.h"

#include <algorithm>

namespace cutover {

namespace {

constexpr int kDifferenceSamples = 10;

} // namespace

ReconcileContext::ReconcileContext(TableReconciler::Setup tableSetup)
    : setup(std::move(tableSetup))
{}

bool ReconcileContext::cancelled() const
{
    return abandoned.load() || (setup.cancelled && setup.cancelled->load());
}

void ReconcileContext::report(const QString &stage, qint64 rows)
{
    QMutexLocker lock(&progressMutex); // the two sides report from two threads
    if (setup.progress)
        setup.progress(stage, rows);
}

ReconcileSpool::Row ReconcileContext::rowOf(const QVariantList &canonical) const
{
    ReconcileSpool::Row row;
    QVariantList parts;
    if (keyColumns.isEmpty()) {
        parts = canonical;
    } else {
        for (int c : keyColumns)
            parts.append(canonical.at(c));
    }
    row.key = SortKey::encode(parts);
    row.keyText = keyColumns.isEmpty() ? QString() : SortKey::display(parts);
    row.values = canonical;
    return row;
}

QVariantList ReconcileContext::canonicalOf(const QVariantList &values) const
{
    QVariantList canonical;
    canonical.reserve(comparers.size());
    for (qsizetype c = 0; c < comparers.size(); ++c)
        canonical.append(comparers.at(c).canonical(values.value(c)));
    return canonical;
}

QList<int> ReconcileContext::comparedIndexes(const QStringList &columns) const
{
    QList<int> indexes;
    for (const QString &column : columns) {
        const auto at = std::find_if(comparers.cbegin(), comparers.cend(),
                                     [&](const ValueComparer &c) { return c.column() == column; });
        if (at == comparers.cend())
            return {};
        indexes.append(int(at - comparers.cbegin()));
    }
    return indexes;
}

// A query for the compared columns, in comparer order.
RowQuery ReconcileContext::comparedColumns() const
{
    RowQuery query;
    for (const ValueComparer &c : std::as_const(comparers))
        query.columns.append(c.column());
    return query;
}

// The target table's rows, read as a source is read: SqlRowSource has the database render
// timestamps as text (TimestampSelect), so the exact merge reads what segment checksums see,
// whatever this machine's time zone.
Result<std::unique_ptr<SqlRowSource>> ReconcileContext::openTarget(const RowQuery &query) const
{
    TableMapping table;
    table.target = setup.mapping->target;
    table.source = setup.mapping->target;
    return SqlRowSource::open(setup.targetSpec, table, query, setup.passwords);
}

SpoolMerger::Setup ReconcileContext::mergeSetup() const
{
    SpoolMerger::Setup merge;
    merge.comparers = comparers;
    merge.wholeRows = keyColumns.isEmpty();
    for (const ValueComparer &c : std::as_const(comparers)) {
        const ColumnMapping *column = setup.mapping->column(c.column());
        merge.masked.append(setup.mask && column && column->sensitive);
    }
    merge.differenceSamples = kDifferenceSamples;
    merge.sampleRows = setup.sampleRows;
    merge.seed = setup.seed;
    return merge;
}

} // namespace cutover

#include "reconcile/ExpectedRows.h"

#include "reconcile/ReconcileContext.h"
#include "transform/BatchTransformer.h"

namespace cutover {

ExpectedRows::ExpectedRows(const ReconcileContext &context, QStringList sourceKey)
    : m_context(context)
    , m_sourceKey(std::move(sourceKey))
{}

ExpectedRows::~ExpectedRows() = default;

Result<LoadBatch> ExpectedRows::transform(const RowBatch &batch, qint64 batchNo, qint64 firstRow)
{
    if (!m_transformer) {
        auto created = createTransformer(batch.columns);
        if (!created)
            return created.error();
        m_transformer = std::move(*created);
    }
    auto loaded = m_transformer->transform(batch, batchNo, firstRow);
    if (loaded && m_at.isEmpty())
        m_at = comparedAt(loaded->columns);
    return loaded;
}

ReconcileSpool::Row ExpectedRows::row(const LoadBatch &loaded, qsizetype r) const
{
    const QVariantList &values = loaded.rows.at(r);
    const QBitArray defaults = loaded.databaseDefaults.value(r);
    QVariantList canonical;
    QBitArray filled(m_context.comparers.size());
    for (qsizetype c = 0; c < m_context.comparers.size(); ++c) {
        const qsizetype i = m_at.at(c);
        canonical.append(i < 0 ? QVariant() : m_context.comparers.at(c).canonical(values.at(i)));
        if (i >= 0 && i < defaults.size() && defaults.testBit(i))
            filled.setBit(c);
    }
    ReconcileSpool::Row row = m_context.rowOf(canonical);
    row.sourceKey = loaded.sourceKeys.value(r);
    row.runQuarantined = m_context.setup.runQuarantined.contains(row.sourceKey);
    row.databaseFilled = filled;
    return row;
}

Result<std::unique_ptr<BatchTransformer>>
ExpectedRows::createTransformer(const QStringList &columns) const
{
    const TableReconciler::Setup &setup = m_context.setup;
    BatchTransformer::Setup transformer;
    transformer.project = setup.project;
    transformer.mapping = setup.mapping;
    transformer.target = setup.target;
    transformer.sourceColumns = columns;
    transformer.keyColumns = m_sourceKey;
    transformer.references = setup.references;
    // A row a run quarantined never held its unique values in the target: a later row with the
    // same value was free to load (a duplicate across phases loads in the earlier phase).
    transformer.unclaimedKeys = setup.runQuarantined;
    return BatchTransformer::create(transformer);
}

QList<qsizetype> ExpectedRows::comparedAt(const QStringList &columns) const
{
    QList<qsizetype> at;
    for (const ValueComparer &comparer : std::as_const(m_context.comparers))
        at.append(columns.indexOf(comparer.column()));
    return at;
}

} // namespace cutover

#include "RunReferenceIndex.h"

#include "ValueText.h"

namespace cutover {

QString RunReferenceIndex::keyOf(const QString &table, const QString &column)
{
    return table + QChar(0x1f) + column;
}

void RunReferenceIndex::add(const QString &table, const QString &column, const QVariant &value)
{
    if (value.isNull())
        return;
    const QMutexLocker lock(&m_mutex);
    m_keys[keyOf(table, column)].insert(ValueText::of(value));
}

void RunReferenceIndex::addBatch(const QString &table, const QString &column, const RowBatch &batch,
                                 const QList<qsizetype> &rows)
{
    const qsizetype index = batch.columns.indexOf(column);
    if (index < 0)
        return;
    const QMutexLocker lock(&m_mutex);
    QSet<QString> &keys = m_keys[keyOf(table, column)];
    const auto addRow = [&](qsizetype row) {
        const QVariant &value = batch.rows.at(row).at(index);
        if (!value.isNull())
            keys.insert(ValueText::of(value));
    };
    if (rows.isEmpty()) {
        for (qsizetype row = 0; row < batch.size(); ++row)
            addRow(row);
    } else {
        for (const qsizetype row : rows)
            addRow(row);
    }
}

Result<bool> RunReferenceIndex::exists(const QString &table, const QString &column,
                                       const QVariant &value)
{
    const QMutexLocker lock(&m_mutex);
    const auto found = m_keys.constFind(keyOf(table, column));
    return found != m_keys.constEnd() && found->contains(ValueText::of(value));
}

qsizetype RunReferenceIndex::size(const QString &table, const QString &column) const
{
    const QMutexLocker lock(&m_mutex);
    return m_keys.value(keyOf(table, column)).size();
}

} // namespace cutover

#include "AuditTrailFilterModel.h"

namespace cutover {

AuditTrailFilterModel::AuditTrailFilterModel(AuditTrailModel *entries, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_entries(entries)
{
    setSourceModel(entries);
    setSortRole(AuditTrailModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    sort(AuditTrailModel::SeqColumn, Qt::DescendingOrder);
}

void AuditTrailFilterModel::setFamily(std::optional<Family> family)
{
    if (family == m_family)
        return;
    m_family = family;
    invalidateRowsFilter();
}

void AuditTrailFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

QModelIndex AuditTrailFilterModel::shownIndex(qint64 seq) const
{
    const int row = m_entries->rowOf(seq);
    return row < 0 ? QModelIndex() : mapFromSource(m_entries->index(row, 0));
}

bool AuditTrailFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const AuditEntry *entry = m_entries->entry(sourceRow);
    if (!entry)
        return false;
    if (m_family && AuditTrailModel::family(entry->kind) != *m_family)
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString &field :
         {entry->who, entry->kind, entry->summary, AuditTrailModel::dataText(*entry)})
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace cutover

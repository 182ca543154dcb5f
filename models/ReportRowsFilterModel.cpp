#include "ReportRowsFilterModel.h"

#include "report/ReportFacts.h"

namespace cutover {

namespace {

constexpr ReportRowsModel::Kind kDifferences[] = {
    ReportRowsModel::Kind::Missing, ReportRowsModel::Kind::Extra, ReportRowsModel::Kind::Modified,
    ReportRowsModel::Kind::Matched};

} // namespace

ReportRowsFilterModel::ReportRowsFilterModel(ReportRowsModel *rows, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_rows(rows)
{
    setSourceModel(rows);
}

void ReportRowsFilterModel::setKind(std::optional<Kind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
    Q_EMIT kindChanged();
}

bool ReportRowsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_kind)
        return true; // a row's columns go with it
    return m_rows->index(sourceRow, 0).data(ReportRowsModel::KindRole).toInt() == int(*m_kind);
}

int ReportRowsFilterModel::listed(std::optional<Kind> kind) const
{
    return kind ? m_rows->rowsOf(*kind) : m_rows->rowCount();
}

qint64 ReportRowsFilterModel::found(std::optional<Kind> kind) const
{
    if (kind)
        return m_rows->found(*kind);
    qint64 all = 0;
    for (const Kind k : kDifferences)
        all += m_rows->found(k);
    return all;
}

QString ReportRowsFilterModel::title(std::optional<Kind> kind)
{
    if (!kind)
        return tr("All");
    switch (*kind) {
    case Kind::Missing:
        return tr("Missing");
    case Kind::Extra:
        return tr("Extra");
    case Kind::Modified:
        return tr("Modified");
    case Kind::Matched:
        return tr("Matched");
    }
    return {};
}

QString ReportRowsFilterModel::label(std::optional<Kind> kind) const
{
    const int rows = listed(kind);
    const qint64 all = found(kind);
    if (rows < all)
        return tr("%1 (%2 of %3)")
            .arg(title(kind), ReportFacts::count(rows), ReportFacts::count(all));
    return tr("%1 (%2)").arg(title(kind), ReportFacts::count(rows));
}

QModelIndex ReportRowsFilterModel::shownIndex(int rowsModelRow) const
{
    return mapFromSource(m_rows->index(rowsModelRow, 0));
}

} // namespace cutover

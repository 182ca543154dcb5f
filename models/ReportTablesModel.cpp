#include "ReportTablesModel.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QFont>
#include <QLocale>

namespace cutover {

ReportTablesModel::ReportTablesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportTablesModel::setReport(const ReconcileReport &report, const ReportComparison &comparison)
{
    beginResetModel();
    m_tables = report.tables;
    m_compared = comparison.hasPrevious();
    m_changes.clear();
    for (const TableReconciliation &t : m_tables)
        m_changes.append(comparison.table(t));
    endResetModel();
}

void ReportTablesModel::clear()
{
    setReport(ReconcileReport());
}

int ReportTablesModel::rowOf(const QString &table) const
{
    for (int row = 0; row < m_tables.size(); ++row)
        if (m_tables.at(row).table == table)
            return row;
    return -1;
}

QString ReportTablesModel::tableAt(int row) const
{
    return row >= 0 && row < m_tables.size() ? m_tables.at(row).table : QString();
}

int ReportTablesModel::worstRow() const
{
    int worst = -1;
    for (int row = 0; row < m_tables.size(); ++row)
        if (worst < 0 || m_tables.at(row).status > m_tables.at(worst).status)
            worst = row;
    return worst;
}

int ReportTablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int ReportTablesModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_compared ? ColumnCount : ColumnCount - 1;
}

qint64 ReportTablesModel::count(const TableReconciliation &t, int column)
{
    switch (column) {
    case ExpectedColumn:
        return t.expectedRows;
    case TargetColumn:
        return t.targetRows;
    case MatchedColumn:
        return t.matched;
    case MissingColumn:
        return t.missing;
    case ExtraColumn:
        return t.extra;
    case ModifiedColumn:
        return t.modified;
    case QuarantinedColumn:
        return t.quarantined;
    case DuplicatesColumn:
        return ReportFacts::duplicates(t);
    case OrphansColumn:
        return t.orphanRows();
    case InvalidColumn:
        return t.invalidRows();
    default:
        return -1;
    }
}

bool ReportTablesModel::isFinding(int column)
{
    return column == MissingColumn || column == ExtraColumn || column == ModifiedColumn ||
           column == DuplicatesColumn || column == OrphansColumn || column == InvalidColumn;
}

QVariant ReportTablesModel::display(const TableReconciliation &t, int row, int column) const
{
    switch (column) {
    case StatusColumn:
        return reconcileStatusTitle(t.status); // beside its icon
    case TableColumn:
        return t.table;
    case ChangeColumn:
        return ReportComparison::describe(m_changes.value(row));
    default:
        return QLocale().toString(count(t, column));
    }
}

QString ReportTablesModel::toolTip(const TableReconciliation &t, int column) const
{
    if (column == StatusColumn || column == TableColumn) {
        if (t.reasons.isEmpty())
            return tr("%1: every check passed").arg(t.table);
        return tr("%1: %2").arg(t.table, t.reasons.join(QStringLiteral("; ")));
    }
    if (column == QuarantinedColumn)
        return tr("Source rows that would not load: they broke a rule or a conversion");
    return {};
}

QVariant ReportTablesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableReconciliation &t = m_tables.at(index.row());
    const int column = index.column();
    const bool finding = isFinding(column) && count(t, column) > 0;
    switch (role) {
    case Qt::DisplayRole:
        return display(t, index.row(), column);
    case Qt::ToolTipRole:
        return toolTip(t, column);
    case Qt::DecorationRole:
        return column == StatusColumn ? QVariant(ReportPalette::statusIcon(t.status)) : QVariant();
    case Qt::BackgroundRole:
        if (column == StatusColumn)
            return ReportPalette::statusTint(t.status);
        return finding ? QVariant(ReportPalette::statusTint(ReconcileStatus::Fail)) : QVariant();
    case Qt::ForegroundRole:
        if (column == StatusColumn)
            return ReportPalette::statusColour(t.status);
        return finding ? QVariant(ReportPalette::statusColour(ReconcileStatus::Fail)) : QVariant();
    case Qt::FontRole:
        if (column == StatusColumn || finding) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return count(t, column) >= 0 ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                     : QVariant();
    case StatusRole:
        return int(t.status);
    case TableNameRole:
        return t.table;
    case CountRole:
        return count(t, column) >= 0 ? QVariant(count(t, column)) : QVariant();
    default:
        return {};
    }
}

QVariant ReportTablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == ChangeColumn)
        return tr("What changed since the earlier report");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {QT_TR_NOOP("Status"),
                                         QT_TR_NOOP("Table"),
                                         QT_TR_NOOP("Expected"),
                                         QT_TR_NOOP("Target"),
                                         QT_TR_NOOP("Matched"),
                                         QT_TR_NOOP("Missing"),
                                         QT_TR_NOOP("Extra"),
                                         QT_TR_NOOP("Modified"),
                                         QT_TR_NOOP("Quarantined"),
                                         QT_TR_NOOP("Duplicates"),
                                         QT_TR_NOOP("Orphans"),
                                         QT_TR_NOOP("Invalid"),
                                         QT_TR_NOOP("Since earlier report")};
    return tr(titles[section]);
}

} // namespace cutover

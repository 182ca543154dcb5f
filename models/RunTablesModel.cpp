#include "RunTablesModel.h"

#include <QLocale>

namespace cutover {

RunTablesModel::RunTablesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunTablesModel::setRun(const RunRecord &run)
{
    beginResetModel();
    m_run = run;
    endResetModel();
}

void RunTablesModel::clear()
{
    setRun({});
}

bool RunTablesModel::balances() const
{
    for (const RunTableRecord &table : m_run.tables)
        if (!table.balances())
            return false;
    return true;
}

int RunTablesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_run.tables.size());
}

int RunTablesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double RunTablesModel::seconds(const RunTableRecord &table)
{
    return qMax(0.0, table.seconds());
}

double RunTablesModel::rowsPerSecond(const RunTableRecord &table)
{
    const double s = seconds(table);
    return s > 0 ? double(table.read) / s : 0;
}

QVariant RunTablesModel::display(const RunTableRecord &table, int column) const
{
    const QLocale locale;
    switch (column) {
    case TableColumn:
        return table.tableName;
    case StatusColumn:
        return runStatusName(table.status);
    case SourceColumn:
        return locale.toString(table.sourceRows);
    case LoadedColumn:
        return locale.toString(table.loaded);
    case QuarantinedColumn:
        return locale.toString(table.quarantined);
    case SkippedColumn:
        return locale.toString(table.skipped);
    case SecondsColumn:
        return locale.toString(seconds(table), 'f', 1);
    case SpeedColumn: {
        const double speed = rowsPerSecond(table);
        return speed > 0 ? locale.toString(qRound64(speed)) : QString();
    }
    case LedgerColumn:
        return (table.balances() ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) +
               table.ledgerText();
    default:
        return {};
    }
}

QVariant RunTablesModel::sortValue(const RunTableRecord &table, int column) const
{
    switch (column) {
    case SourceColumn:
        return table.sourceRows;
    case LoadedColumn:
        return table.loaded;
    case QuarantinedColumn:
        return table.quarantined;
    case SkippedColumn:
        return table.skipped;
    case SecondsColumn:
        return seconds(table);
    case SpeedColumn:
        return rowsPerSecond(table);
    case LedgerColumn:
        return table.balances();
    default:
        return display(table, column);
    }
}

QVariant RunTablesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RunTableRecord &table = m_run.tables.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(table, index.column());
    case Qt::ToolTipRole:
        if (index.column() == LedgerColumn)
            return tr("source %1 = loaded %2 + quarantined %3 + skipped %4")
                .arg(table.sourceRows)
                .arg(table.loaded)
                .arg(table.quarantined)
                .arg(table.skipped);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= SourceColumn && index.column() <= SpeedColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case BalancesRole:
        return table.balances();
    case StatusRole:
        return int(table.status);
    case TableNameRole:
        return table.tableName;
    case SortRole:
        return sortValue(table, index.column());
    default:
        return {};
    }
}

QVariant RunTablesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Table");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source rows");
    case LoadedColumn:
        return tr("Loaded");
    case QuarantinedColumn:
        return tr("Quarantined");
    case SkippedColumn:
        return tr("Skipped");
    case SecondsColumn:
        return tr("Seconds");
    case SpeedColumn:
        return tr("Rows/s");
    case LedgerColumn:
        return tr("Ledger");
    default:
        return {};
    }
}

} // namespace cutover

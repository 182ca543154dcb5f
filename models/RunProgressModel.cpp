#include "RunProgressModel.h"

#include <QLocale>

#include <algorithm>

namespace cutover {

RunProgressModel::RunProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

bool RunProgressModel::sameTables(const RunProgress &progress) const
{
    if (progress.tables.size() != m_progress.tables.size())
        return false;
    for (qsizetype i = 0; i < progress.tables.size(); ++i)
        if (progress.tables.at(i).table != m_progress.tables.at(i).table)
            return false;
    return true;
}

void RunProgressModel::setProgress(const RunProgress &progress)
{
    if (!sameTables(progress)) {
        beginResetModel();
        m_progress = progress;
        endResetModel();
        return;
    }
    m_progress = progress;
    if (!m_progress.tables.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RunProgressModel::clear()
{
    setProgress({});
}

int RunProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_progress.tables.size());
}

int RunProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int RunProgressModel::percent(const TableProgress &table)
{
    if (table.stage == TableProgress::Stage::Done)
        return 100;
    if (table.expectedRows < 0)
        return -1;
    if (table.expectedRows == 0)
        return table.stage == TableProgress::Stage::Waiting ? 0 : 100;
    return int(std::clamp<qint64>(table.read * 100 / table.expectedRows, 0, 100));
}

QString RunProgressModel::durationText(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds >= 3600)
        return tr("%1 h %2 min")
            .arg(seconds / 3600)
            .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
    if (seconds >= 60)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(seconds);
}

QVariant RunProgressModel::display(const TableProgress &table, int column) const
{
    const QLocale locale;
    switch (column) {
    case TableColumn:
        return table.table;
    case StageColumn:
        return TableProgress::stageName(table.stage);
    case ProgressColumn:
        return table.expectedRows < 0
                   ? tr("%1 read").arg(locale.toString(table.read))
                   : tr("%1 of %2 (%3%)")
                         .arg(locale.toString(table.read), locale.toString(table.expectedRows))
                         .arg(percent(table));
    case WrittenColumn:
        return locale.toString(table.written);
    case QuarantinedColumn:
        return locale.toString(table.quarantined);
    case SpeedColumn:
        return table.rowsPerSecond > 0 ? locale.toString(qRound64(table.rowsPerSecond)) : QString();
    case EtaColumn:
        return table.stage == TableProgress::Stage::Loading ? durationText(table.etaSeconds)
                                                            : QString();
    default:
        return {};
    }
}

QVariant RunProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TableProgress &table = m_progress.tables.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(table, index.column());
    case Qt::TextAlignmentRole:
        return index.column() >= WrittenColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                               : QVariant();
    case StageRole:
        return int(table.stage);
    case PercentRole:
        return percent(table);
    case TableNameRole:
        return table.table;
    default:
        return {};
    }
}

QVariant RunProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Table");
    case StageColumn:
        return tr("Stage");
    case ProgressColumn:
        return tr("Read");
    case WrittenColumn:
        return tr("Written");
    case QuarantinedColumn:
        return tr("Quarantined");
    case SpeedColumn:
        return tr("Rows/s");
    case EtaColumn:
        return tr("Time left");
    default:
        return {};
    }
}

} // namespace cutover

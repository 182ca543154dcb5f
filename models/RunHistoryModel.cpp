#include "RunHistoryModel.h"

#include "RunProgressModel.h"

#include <QLocale>

namespace cutover {

namespace {

qint64 sum(const RunRecord &run, qint64 RunTableRecord::*field)
{
    qint64 total = 0;
    for (const RunTableRecord &t : run.tables)
        total += t.*field;
    return total;
}

} // namespace

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

bool RunHistoryModel::sameRuns(const QList<RunRecord> &runs) const
{
    if (runs.size() != m_runs.size())
        return false;
    for (qsizetype i = 0; i < runs.size(); ++i)
        if (runs.at(i).runId != m_runs.at(i).runId)
            return false;
    return true;
}

void RunHistoryModel::setRuns(const QList<RunRecord> &runs)
{
    if (sameRuns(runs)) {
        m_runs = runs;
        if (!m_runs.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunHistoryModel::rowOf(const QString &runId) const
{
    for (qsizetype i = 0; i < m_runs.size(); ++i)
        if (m_runs.at(i).runId == runId)
            return int(i);
    return -1;
}

const RunRecord *RunHistoryModel::run(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunHistoryModel::modeText(const RunRecord &run)
{
    if (run.isRetry())
        return tr("retry");
    switch (run.mode) {
    case RunMode::DryRun:
        return tr("dry run");
    case RunMode::Incremental:
        return tr("incremental");
    default:
        return tr("run");
    }
}

QVariant RunHistoryModel::display(const RunRecord &run, int column) const
{
    const QLocale locale;
    switch (column) {
    case RunColumn:
        return run.runId.left(8);
    case StartedColumn:
        return locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
    case DurationColumn: {
        const double s = run.seconds();
        if (s < 0)
            return QString();
        return s < 60 ? tr("%1 s").arg(locale.toString(s, 'f', 1))
                      : RunProgressModel::durationText(qint64(s));
    }
    case ModeColumn:
        return modeText(run);
    case PhaseColumn:
        return run.phase.isEmpty() ? tr("all tables") : run.phase;
    case StatusColumn:
        return runStatusName(run.status);
    case VersionColumn:
        return run.mappingVersion.section(QLatin1Char(':'), -1).left(8);
    case ReadColumn:
        return locale.toString(sum(run, &RunTableRecord::read));
    case LoadedColumn:
        return locale.toString(sum(run, &RunTableRecord::loaded));
    case QuarantinedColumn:
        return locale.toString(sum(run, &RunTableRecord::quarantined));
    case TablesColumn:
        return locale.toString(run.tables.size());
    default:
        return {};
    }
}

QVariant RunHistoryModel::sortValue(const RunRecord &run, int column) const
{
    switch (column) {
    case StartedColumn:
        return run.startedAt;
    case DurationColumn:
        return run.seconds();
    case ReadColumn:
        return sum(run, &RunTableRecord::read);
    case LoadedColumn:
        return sum(run, &RunTableRecord::loaded);
    case QuarantinedColumn:
        return sum(run, &RunTableRecord::quarantined);
    case TablesColumn:
        return run.tables.size();
    default:
        return display(run, column);
    }
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const RunRecord &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(run, index.column());
    case Qt::ToolTipRole:
        if (index.column() == RunColumn)
            return run.runId;
        if (index.column() == VersionColumn)
            return run.mappingVersion;
        if (index.column() == StatusColumn)
            return run.message;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= ReadColumn || index.column() == DurationColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case RunIdRole:
        return run.runId;
    case StatusRole:
        return int(run.status);
    case SortRole:
        return sortValue(run, index.column());
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Run",    "Started",     "Duration", "Mode",
                                        "Phase",  "Status",      "Mappings", "Read",
                                        "Loaded", "Quarantined", "Tables"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace cutover

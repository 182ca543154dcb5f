#include "RunComparisonModel.h"

#include "RunTablesModel.h"
#include "run/ledger/RunSnapshot.h"

#include <QColor>
#include <QLocale>

namespace cutover {

RunComparisonModel::RunComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunComparisonModel::setRuns(const RunRecord &first, const RunRecord &second)
{
    beginResetModel();
    const bool inOrder = first.startedAt <= second.startedAt;
    m_earlier = inOrder ? first : second;
    m_later = inOrder ? second : first;
    m_tables.clear();
    for (const RunRecord *run : {&m_earlier, &m_later})
        for (const RunTableRecord &t : run->tables)
            if (!m_tables.contains(t.tableName))
                m_tables.append(t.tableName);
    m_changes = describeChanges();
    endResetModel();
}

QStringList RunComparisonModel::describeChanges() const
{
    if (m_earlier.mappingVersion == m_later.mappingVersion)
        return {
            tr("The mappings, lookups and rules are the same (%1).").arg(m_later.mappingVersion)};
    const QString key = QLatin1String(RunSnapshot::kKey);
    if (!m_earlier.options.contains(key) || !m_later.options.contains(key))
        return {tr("The mappings differ (%1, then %2); a run from before Cutover kept what it "
                   "ran cannot say how.")
                    .arg(m_earlier.mappingVersion, m_later.mappingVersion)};
    const QStringList changes = RunSnapshot::changes(m_earlier.options.value(key).toObject(),
                                                     m_later.options.value(key).toObject());
    return changes.isEmpty() ? QStringList{tr("The mappings differ only in their order.")}
                             : changes;
}

int RunComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int RunComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunComparisonModel::percentChange(double before, double after)
{
    if (before <= 0 || after < 0)
        return {};
    const double change = (after - before) / before * 100.0;
    return (change >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(change, 'f', 1) +
           QLatin1Char('%');
}

QVariant RunComparisonModel::display(const QString &table, int column) const
{
    const QLocale locale;
    const RunTableRecord *a = m_earlier.table(table);
    const RunTableRecord *b = m_later.table(table);
    const double secondsA = a ? RunTablesModel::seconds(*a) : -1;
    const double secondsB = b ? RunTablesModel::seconds(*b) : -1;
    const double speedA = a ? RunTablesModel::rowsPerSecond(*a) : -1;
    const double speedB = b ? RunTablesModel::rowsPerSecond(*b) : -1;
    auto number = [&locale](double value, int decimals) {
        return value < 0 ? QStringLiteral("—") : locale.toString(value, 'f', decimals);
    };
    switch (column) {
    case TableColumn:
        return table;
    case SecondsA:
        return number(secondsA, 1);
    case SecondsB:
        return number(secondsB, 1);
    case SecondsChange:
        return percentChange(secondsA, secondsB);
    case SpeedA:
        return number(speedA, 0);
    case SpeedB:
        return number(speedB, 0);
    case SpeedChange:
        return percentChange(speedA, speedB);
    case QuarantinedA:
        return a ? locale.toString(a->quarantined) : QStringLiteral("—");
    case QuarantinedB:
        return b ? locale.toString(b->quarantined) : QStringLiteral("—");
    case QuarantinedChange:
        if (!a || !b)
            return QString();
        return (b->quarantined >= a->quarantined ? QStringLiteral("+") : QString()) +
               locale.toString(b->quarantined - a->quarantined);
    default:
        return {};
    }
}

QVariant RunComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QString &table = m_tables.at(index.row());
    if (role == Qt::DisplayRole)
        return display(table, index.column());
    if (role == Qt::TextAlignmentRole && index.column() != TableColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole)
        return changeTint(index);
    if (role == ChangeRole) {
        const RunTableRecord *a = m_earlier.table(table);
        const RunTableRecord *b = m_later.table(table);
        if (!a || !b)
            return {};
        auto change = [](double before, double after) {
            return before > 0 ? QVariant((after - before) / before) : QVariant();
        };
        switch (index.column()) {
        case SecondsChange:
            return change(RunTablesModel::seconds(*a), RunTablesModel::seconds(*b));
        case SpeedChange:
            return change(RunTablesModel::rowsPerSecond(*a), RunTablesModel::rowsPerSecond(*b));
        case QuarantinedChange:
            return change(double(a->quarantined), double(b->quarantined));
        default:
            return {};
        }
    }
    return {};
}

// Worse by more than a tenth (slower, fewer rows a second, more quarantined) amber, better light
// green; the sign in the text says the same to readers who cannot tell the tints apart.
QVariant RunComparisonModel::changeTint(const QModelIndex &index) const
{
    const QVariant change = data(index, ChangeRole);
    if (!change.isValid() || qAbs(change.toDouble()) < 0.1)
        return {};
    const bool higherIsWorse = index.column() != SpeedChange;
    const bool worse = (change.toDouble() > 0) == higherIsWorse;
    return worse ? QColor(0xFF, 0xE3, 0xA3) : QColor(0xD5, 0xEF, 0xD9);
}

QVariant RunComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const bool earlier = section == SecondsA || section == SpeedA || section == QuarantinedA;
    const bool later = section == SecondsB || section == SpeedB || section == QuarantinedB;
    if (role == Qt::ToolTipRole && (earlier || later))
        return tr("run %1").arg(earlier ? m_earlier.runId : m_later.runId);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Table");
    case SecondsA:
        return tr("Seconds A");
    case SecondsB:
        return tr("Seconds B");
    case SpeedA:
        return tr("Rows/s A");
    case SpeedB:
        return tr("Rows/s B");
    case QuarantinedA:
        return tr("Quarantined A");
    case QuarantinedB:
        return tr("Quarantined B");
    case SecondsChange:
    case SpeedChange:
    case QuarantinedChange:
        return tr("Change");
    default:
        return {};
    }
}

} // namespace cutover

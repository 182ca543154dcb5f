#include "ReportRowsModel.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QFont>

#include <algorithm>

namespace cutover {

namespace {

constexpr quintptr kTopLevel = 0;

const SampleRow *sampleOf(const TableReconciliation &t, const QString &targetKey)
{
    for (const SampleRow &s : t.sample)
        if (s.row.targetKey == targetKey)
            return &s;
    return nullptr;
}

ReportRowsModel::Kind kindOf(const QString &outcome)
{
    if (outcome == QLatin1String("missing"))
        return ReportRowsModel::Kind::Missing;
    if (outcome == QLatin1String("modified"))
        return ReportRowsModel::Kind::Modified;
    return ReportRowsModel::Kind::Matched;
}

QFont boldFont()
{
    QFont font;
    font.setBold(true);
    return font;
}

} // namespace

ReportRowsModel::ReportRowsModel(Content content, QObject *parent)
    : QAbstractItemModel(parent)
    , m_content(content)
{}

void ReportRowsModel::setTable(const ReconcileReport &report, const QString &table)
{
    beginResetModel();
    m_entries.clear();
    m_found.clear();
    m_table = table;
    if (const TableReconciliation *t = report.table(table)) {
        if (m_content == Content::Differences)
            addDifferences(report, *t);
        else
            addSample(report, *t);
    } else {
        m_table.clear();
    }
    endResetModel();
}

void ReportRowsModel::clear()
{
    setTable(ReconcileReport(), QString());
}

QList<ReportRowsModel::Cell> ReportRowsModel::sampleCells(const ReconcileReport &report,
                                                          const TableReconciliation &t,
                                                          const SampleRow &row,
                                                          const QStringList &differing)
{
    const ReportFacts facts(report);
    const bool missing = kindOf(row.outcome) == Kind::Missing;
    QList<Cell> cells;
    for (qsizetype i = 0; i < row.columns.size(); ++i) {
        Cell cell;
        cell.column = row.columns.at(i);
        cell.expected = facts.shown(t, cell.column, row.expected.value(i));
        cell.actual = missing ? QString() : facts.shown(t, cell.column, row.actual.value(i));
        cell.absent = missing;
        cell.differs = !missing && (!row.equal.value(i, true) || differing.contains(cell.column));
        cell.masked = report.masked && facts.sensitive(t, cell.column);
        cells.append(cell);
    }
    return cells;
}

QList<ReportRowsModel::Cell> ReportRowsModel::modifiedCells(const ReconcileReport &report,
                                                            const TableReconciliation &t,
                                                            const ModifiedRow &row)
{
    // the sampled row gives every column; the modified row's own values win where they differ
    const SampleRow *sample = sampleOf(t, row.row.targetKey);
    QList<Cell> cells = sample ? sampleCells(report, t, *sample, row.columns) : QList<Cell>();
    const ReportFacts facts(report);
    for (qsizetype i = 0; i < row.columns.size(); ++i) {
        Cell cell;
        cell.column = row.columns.at(i);
        cell.expected = facts.shown(t, cell.column, row.expected.value(i));
        cell.actual = facts.shown(t, cell.column, row.actual.value(i));
        cell.differs = true;
        cell.masked = report.masked && facts.sensitive(t, cell.column);
        const auto same = std::find_if(cells.begin(), cells.end(),
                                       [&](const Cell &c) { return c.column == cell.column; });
        if (same != cells.end())
            *same = cell;
        else
            cells.append(cell);
    }
    return cells;
}

void ReportRowsModel::addDifferences(const ReconcileReport &report, const TableReconciliation &t)
{
    for (const RowRef &r : t.missingSamples) {
        const SampleRow *sample = sampleOf(t, r.targetKey);
        m_entries.append(
            {Kind::Missing, r, sample ? sampleCells(report, t, *sample) : QList<Cell>()});
    }
    for (const RowRef &r : t.extraSamples)
        m_entries.append({Kind::Extra, r, {}});
    for (const ModifiedRow &m : t.modifiedSamples)
        m_entries.append({Kind::Modified, m.row, modifiedCells(report, t, m)});
    m_found = {{Kind::Missing, t.missing}, {Kind::Extra, t.extra}, {Kind::Modified, t.modified}};
}

void ReportRowsModel::addSample(const ReconcileReport &report, const TableReconciliation &t)
{
    for (const SampleRow &s : t.sample)
        m_entries.append({kindOf(s.outcome), s.row, sampleCells(report, t, s)});
    for (const Entry &e : std::as_const(m_entries))
        ++m_found[e.kind];
}

int ReportRowsModel::rowOf(Kind kind, const QString &targetKey) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).kind == kind && m_entries.at(row).row.targetKey == targetKey)
            return row;
    return -1;
}

int ReportRowsModel::firstRow(Kind kind) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).kind == kind)
            return row;
    return -1;
}

int ReportRowsModel::rowsOf(Kind kind) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [kind](const Entry &e) { return e.kind == kind; }));
}

QString ReportRowsModel::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return tr("\u2212 Missing");
    case Kind::Extra:
        return tr("+ Extra");
    case Kind::Modified:
        return tr("\u2260 Modified");
    case Kind::Matched:
        return tr("= Matched");
    }
    return {};
}

QString ReportRowsModel::summary() const
{
    if (m_table.isEmpty())
        return {};
    static const std::pair<Kind, const char *> kinds[] = {{Kind::Missing, QT_TR_NOOP("missing")},
                                                          {Kind::Extra, QT_TR_NOOP("extra")},
                                                          {Kind::Modified, QT_TR_NOOP("modified")},
                                                          {Kind::Matched, QT_TR_NOOP("matched")}};
    QStringList parts;
    for (const auto &[kind, word] : kinds) {
        const qint64 found = m_found.value(kind);
        const int listed = rowsOf(kind);
        if (found == 0 && listed == 0)
            continue;
        parts << (listed < found
                      ? tr("first %1 of %2 %3").arg(listed).arg(ReportFacts::count(found), tr(word))
                      : tr("%1 %2").arg(ReportFacts::count(found), tr(word)));
    }
    if (parts.isEmpty())
        return m_content == Content::Differences ? tr("No missing, extra or modified rows.")
                                                 : tr("No sample rows.");
    return parts.join(QStringLiteral(", "));
}

QModelIndex ReportRowsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ReportRowsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int ReportRowsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_entries.at(parent.row()).cells.size());
}

int ReportRowsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QStringList ReportRowsModel::differingColumns(const Entry &entry)
{
    QStringList differing;
    for (const Cell &c : entry.cells)
        if (c.differs)
            differing << c.column;
    return differing;
}

QString ReportRowsModel::entryColumns(const Entry &entry)
{
    const QStringList differing = differingColumns(entry);
    switch (entry.kind) {
    case Kind::Missing:
        return tr("not in the target");
    case Kind::Extra:
        return tr("in the target, not expected");
    case Kind::Modified:
        return differing.join(QStringLiteral(", "));
    case Kind::Matched:
        return tr("all %1 columns equal").arg(entry.cells.size());
    }
    return {};
}

QVariant ReportRowsModel::entryData(const Entry &entry, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case KindColumn:
            return kindLabel(entry.kind);
        case TargetKeyColumn:
            return entry.row.targetKey;
        case SourceKeyColumn:
            return entry.row.sourceKey;
        case ColumnColumn:
            return entryColumns(entry);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (column == KindColumn && entry.kind != Kind::Matched)
            return ReportPalette::statusColour(ReconcileStatus::Fail);
        return column == ColumnColumn && entry.kind != Kind::Modified
                   ? QVariant(ReportPalette::absentColour())
                   : QVariant();
    case Qt::FontRole:
        return column == KindColumn && entry.kind != Kind::Matched ? QVariant(boldFont())
                                                                   : QVariant();
    case TargetKeyRole:
        return entry.row.targetKey;
    case SourceKeyRole:
        return entry.row.sourceKey;
    case DifferingColumnsRole:
        return differingColumns(entry);
    default:
        return {};
    }
}

QVariant ReportRowsModel::cellData(const Entry &entry, const Cell &cell, int column, int role) const
{
    const bool value = column == ExpectedColumn || column == ActualColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (column == ColumnColumn)
            return cell.differs ? ReportPalette::differMark() + QLatin1Char(' ') + cell.column
                                : cell.column;
        if (column == ExpectedColumn)
            return cell.expected;
        if (column == ActualColumn)
            return cell.absent ? QStringLiteral("\u2014") : cell.actual;
        return {};
    case Qt::ToolTipRole:
        if (cell.absent && column == ActualColumn)
            return tr("The row is not in the target");
        if (cell.masked && value)
            return tr("%1 is sensitive: its values stay masked").arg(cell.column);
        return cell.differs ? tr("%1 differs: expected %2, found %3")
                                  .arg(cell.column, cell.expected, cell.actual)
                            : QVariant();
    case Qt::BackgroundRole:
        return cell.differs && column >= ColumnColumn ? QVariant(ReportPalette::differTint())
                                                      : QVariant();
    case Qt::ForegroundRole:
        return cell.absent && column == ActualColumn ? QVariant(ReportPalette::absentColour())
                                                     : QVariant();
    case Qt::FontRole:
        return cell.differs && column >= ColumnColumn ? QVariant(boldFont()) : QVariant();
    case TargetKeyRole:
        return entry.row.targetKey;
    case SourceKeyRole:
        return entry.row.sourceKey;
    case ColumnNameRole:
        return cell.column;
    case DifferingRole:
        return cell.differs;
    case MaskedRole:
        return cell.masked;
    default:
        return {};
    }
}

QVariant ReportRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool top = index.internalId() == kTopLevel;
    const Entry &entry = m_entries.at(top ? index.row() : int(index.internalId() - 1));
    if (role == KindRole)
        return int(entry.kind);
    if (top)
        return entryData(entry, index.column(), role);
    return cellData(entry, entry.cells.at(index.row()), index.column(), role);
}

QVariant ReportRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractItemModel::headerData(section, orientation, role);
    static const char *const titles[] = {
        QT_TR_NOOP("Row"),    QT_TR_NOOP("Target key"),        QT_TR_NOOP("Source key"),
        QT_TR_NOOP("Column"), QT_TR_NOOP("Expected (before)"), QT_TR_NOOP("Actual (after)")};
    return tr(titles[section]);
}

} // namespace cutover
